"""The real Switchboard window, end to end: profiles, a flow, a field, a secret, a step marked
done, a restart that restores everything, Japanese, and the CLI on the same database."""

import json
import re

from selenium.common.exceptions import NoSuchElementException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import attribute, by_id, click, find, retry, type_into, wait

FLOW = "zoom-directory-sync"
ACCOUNT_ID = "AbCdEfGhIjKlMnOpQrSt12"
SECRET = "E2E-client-secret-never-in-sqlite-7f3a"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def open_profile(driver, name: str) -> None:
    find(driver, "home-view")
    wait(driver, EC.text_to_be_present_in_element(by_id("profile-list"), name))

    def open_row(d):
        rows = d.find_elements(By.CSS_SELECTOR, '[data-testid^="profile-row-"]')
        row = next((r for r in rows if name in r.text), None)
        if row is None:
            raise NoSuchElementException(f"no profile row for {name}")
        profile_id = row.get_attribute("data-testid").rsplit("-", 1)[1]
        d.find_element(*by_id(f"profile-open-{profile_id}")).click()

    retry(driver, open_row)
    find(driver, "profile-view")


def current_step(driver) -> str:
    found = {}
    selector = '[data-testid="step-list"] [aria-current="step"]'
    retry(driver, lambda d: found.__setitem__(
        "id", d.find_element(By.CSS_SELECTOR, selector).get_attribute("data-testid")))
    return found["id"]


def status(driver, step: str) -> str:
    return attribute(driver, f"step-item-{step}", "data-status")


def go_to(driver, step: str) -> None:
    click(driver, f"step-item-{step}")
    wait(driver, lambda d: current_step(d) == f"step-item-{step}")


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
        type_into(driver, "profile-name-input", "Acme Corp")
        click(driver, "profile-create-button")
        wait(driver, EC.text_to_be_present_in_element(by_id("profile-list"), "Acme Corp"))
        open_profile(driver, "Acme Corp")
        click(driver, f"flow-open-{FLOW}")
        find(driver, "flow-view")
        assert current_step(driver) == "step-item-choose-purpose", "a new flow starts at step 1"

        # Mark as done is refused while the required choice is empty, and says why at the field.
        click(driver, "mark-done-button")
        find(driver, "field-error-sync-purpose")

        # Step 1: choose the purpose, then mark it done.
        retry(driver, lambda d: Select(find(d, "field-sync-purpose")).select_by_value("directory"))
        wait(driver, EC.text_to_be_present_in_element(by_id("save-status"), "saved"))
        click(driver, "mark-done-button")
        # Done moves the admin on, and focus lands on the next step's heading.
        wait(driver, lambda d: current_step(d) == "step-item-zoom-app-create")
        wait(driver, lambda d: d.switch_to.active_element.get_attribute("data-testid") == "step-heading")

        # Step 2: a value the admin brings back (checked inline), and a secret.
        type_into(driver, "field-zoom-account-id", "not an id", Keys.TAB)
        find(driver, "field-error-zoom-account-id")
        retry(driver, lambda d: find(d, "field-zoom-account-id").clear())
        type_into(driver, "field-zoom-account-id", ACCOUNT_ID, Keys.TAB)
        wait(driver, EC.invisibility_of_element_located(by_id("field-error-zoom-account-id")))
        type_into(driver, "secret-zoom-client-secret", SECRET, Keys.ENTER)
        wait(driver, lambda d: attribute(d, "secret-state-zoom-client-secret", "data-saved") == "true")

        # The endpoint URL to paste in Zoom is built from the account ID.
        click(driver, "step-item-zoom-event-subscription")
        endpoint = f"https://presencesync.niceincontact.com/rta/v1/zoom/web-hook-api/{ACCOUNT_ID}"
        wait(driver, lambda d: endpoint in d.find_element(*by_id("flow-view")).text)
    finally:
        driver.quit()

    driver = app.launch()
    try:
        # Reopening returns to the profile and flow, on the first step not done.
        find(driver, "flow-view")
        assert current_step(driver) == "step-item-zoom-app-create"
        assert "Done" in find(driver, "step-item-choose-purpose").text
        assert attribute(driver, "field-zoom-account-id", "value") == ACCOUNT_ID
        assert attribute(driver, "secret-state-zoom-client-secret", "data-saved") == "true"
        assert SECRET not in driver.find_element(By.TAG_NAME, "body").text, "a saved secret is never shown"

        # Japanese, remembered as the language from now on.
        retry(driver, lambda d: Select(find(d, "language-select")).select_by_value("ja"))
        wait(driver, lambda d: JAPANESE.search(find(d, "step-heading").text))
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ja"
    finally:
        driver.quit()

    driver = app.launch()
    try:
        wait(driver, lambda d: JAPANESE.search(find(d, "step-heading").text))
    finally:
        driver.quit()

    # Neither the database (and its WAL) nor the log files ever hold the secret.
    files = [p for p in app.data_dir.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in files), f"the app writes its log file: {files}"
    for path in files:
        assert SECRET.encode() not in path.read_bytes(), f"the secret reached {path.name}"


def test_a_profile_made_in_the_app_shows_in_the_cli(app):
    listing = app.cli("profile", "list")
    assert "Acme Corp" in listing, listing
    status = json.loads(app.cli("--json", "flow", "status", "--profile", "Acme Corp"))
    progress = {f["id"]: f["done"] for f in status["flows"]}
    assert progress[FLOW] == 1, progress
