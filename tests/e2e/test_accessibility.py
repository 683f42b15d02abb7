"""Accessibility, measured: one app session per language (EN / FR / JA) and theme (light / dark)
walks every screen and state — Home empty and with profiles, its dialogs, an error at a field,
connections with a failed diagnosis, every step of every flow in the practice tenant (live steps
checked and previewed), the journal, the review, the recovery screen — and runs axe-core on each.
The test fails on any serious or critical violation and lists them all."""

import socket
import tempfile
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from axe import describe, scan
from conftest import App, attribute, by_id, click, find, retry, type_into, wait
from test_app import current_step, open_profile
from test_recovery import place_damaged_database

LANGS = {"en": "en_US.UTF-8", "fr": "fr_FR.UTF-8", "ja": "ja_JP.UTF-8"}
# The live work done on the way through a step, so its results are scanned too.
LIVE = {
    "zoom-app-create": ("fill-practice-button", lambda d: attribute(d, "secret-state-zoom-client-secret", "data-saved") == "true"),
    "zoom-app-scopes": ("check-now-button", lambda d: attribute(d, "step-item-zoom-app-scopes", "data-status") == "done"),
    "cxone-directory-sync": ("directory-preview-button", lambda d: find(d, "directory-preview-summary", 60)),
    "cxone-presence-rule": ("presence-refresh-button", lambda d: find(d, "presence-catalog-at", 40)),
    "sf-omni-channel-status-sync": ("status-map-read", lambda d: attribute(d, "status-map-salesforce-0", "value")),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ids_starting(driver, prefix: str) -> list[str]:
    """The test ids on screen that start with `prefix`, once there is at least one."""
    found = {}

    def read(d):
        found["ids"] = [e.get_attribute("data-testid") for e in d.find_elements(By.CSS_SELECTOR, f'[data-testid^="{prefix}"]')]
        return bool(found["ids"])

    wait(driver, read)
    return found["ids"]


def settle() -> None:
    time.sleep(0.3)  # let a transition or a focus move paint before axe reads colours


def walk_flow(driver, flow: str, found: list) -> None:
    click(driver, f"flow-open-{flow}")
    find(driver, "flow-view")
    if flow == "zoom-directory-sync":
        # An error state: Mark as done refused while the required choice is empty.
        click(driver, "mark-done-button")
        find(driver, "field-error-sync-purpose")
        found += scan(driver, f"{flow}: required choice missing")
        retry(driver, lambda d: Select(find(d, "field-sync-purpose")).select_by_value("both"))
    for item in ids_starting(driver, "step-item-"):
        step = item.removeprefix("step-item-")
        # The walker only needs each step on screen (the keyboard test drives the real controls):
        # a scripted click also reaches a step the list has scrolled out of view.
        retry(driver, lambda d: d.execute_script("arguments[0].click()", d.find_element(*by_id(item))))
        wait(driver, lambda d: current_step(d) == item)
        if step in LIVE:
            button, ready = LIVE[step]
            click(driver, button)
            wait(driver, ready, 60)
        settle()
        found += scan(driver, f"{flow} / {step}")
    click(driver, "back-to-profile-button")
    find(driver, "profile-view")


def walk_app(driver, found: list) -> None:
    find(driver, "home-view")
    find(driver, "profile-empty")
    found += scan(driver, "home, empty")
    click(driver, "about-button")
    find(driver, "about-dialog")
    settle()
    found += scan(driver, "about dialog")
    click(driver, "dialog-close")

    click(driver, "profile-create-button")
    find(driver, "profile-create-error")
    found += scan(driver, "home, a name refused")
    type_into(driver, "profile-name-input", "Acme Corp")
    click(driver, "profile-create-button")
    wait(driver, EC.text_to_be_present_in_element(by_id("profile-list"), "Acme Corp"))
    found += scan(driver, "home, with a profile")
    click(driver, ids_starting(driver, "profile-delete-")[0])
    find(driver, "delete-dialog")
    settle()
    found += scan(driver, "home, delete dialog")
    click(driver, "delete-cancel-button")
    click(driver, "profile-import-button")
    find(driver, "profile-import-dialog")
    settle()
    found += scan(driver, "home, import dialog")
    click(driver, "dialog-close")

    open_profile(driver, "Acme Corp")
    found += scan(driver, "profile")
    click(driver, "connections-button")
    find(driver, "connections-view")
    found += scan(driver, "connections")
    type_into(driver, "connection-field-zoom-accountId", "acct", Keys.TAB)
    type_into(driver, "connection-field-zoom-clientId", "client", Keys.TAB)
    click(driver, "connection-save-zoom")
    find(driver, "connection-field-error-zoom-accountId")
    found += scan(driver, "connections, field errors")

    click(driver, "home-button")
    click(driver, "open-practice-button")
    find(driver, "practice-banner")
    found += scan(driver, "practice profile")
    click(driver, "connections-button")
    click(driver, "practice-fault-expiredSecret")
    click(driver, "connection-test-zoom")
    wait(driver, lambda d: attribute(d, "diagnosis-zoom", "data-ok") == "false", 30)
    found += scan(driver, "practice connections, a failed diagnosis")
    click(driver, "practice-fault-expiredSecret")
    click(driver, "back-from-connections-button")
    find(driver, "flow-list")

    for flow in [i.removeprefix("flow-open-") for i in ids_starting(driver, "flow-open-")]:
        walk_flow(driver, flow, found)

    click(driver, "journal-button")
    find(driver, "journal-view")
    found += scan(driver, "journal")


def walk_recovery(app: App, found: list) -> None:
    place_damaged_database(app)
    driver = app.launch()
    try:
        find(driver, "recovery-view")
        found += scan(driver, "recovery screen")
    finally:
        driver.quit()


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("lang", list(LANGS))
def test_every_screen_has_no_serious_accessibility_violation(lang, dark):
    found: list = []
    with tempfile.TemporaryDirectory(prefix="switchboard-a11y-") as root:
        app = App(Path(root) / "app", free_port(), lang=LANGS[lang], dark=dark)
        try:
            driver = app.launch()
            try:
                walk_app(driver, found)
            finally:
                driver.quit()
        finally:
            app.close()
        recovery = App(Path(root) / "recovery", free_port(), lang=LANGS[lang], dark=dark)
        try:
            walk_recovery(recovery, found)
        finally:
            recovery.close()
    assert not found, f"{len(found)} serious or critical accessibility violations:\n{describe(found)}"
