"""Flow 1 (Directory Sync and Presence Sync for Zoom) for both purposes, in the real window,
against the practice tenant: the Zoom apps filled from the practice tenant, both scope checks
live, the address book created with a CSV import holding two bad rows, the access-key user
picked from the live CXone list, the endpoint validation unblocking, the Directory Sync preview
showing translated numbers; then a relaunch finds every step Done."""


from selenium.webdriver.common.by import By
from selenium.webdriver.remote.file_detector import UselessFileDetector
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import attribute, by_id, click, find, retry, type_into, wait
from test_app import current_step, go_to, status

FLOW = "zoom-directory-sync"
STEPS = [
    "choose-purpose",
    "zoom-app-create",
    "zoom-event-subscription",
    "zoom-app-scopes",
    "zoom-presence-app",
    "cxone-address-book",
    "cxone-map-account",
    "zoom-validate-endpoint",
    "cxone-directory-sync",
]
# Two good rows (French and Japanese), and two bad ones: line 3 has no last name, line 5 a
# number that is not a French number.
CSV = (
    "\ufeffPrénom;Nom;Téléphone;E-mail\n"
    "Émilie;Lefèvre;01 42 76 49 78;emilie@example.fr\n"
    "Paul;;01 42 76 49 79;paul@example.fr\n"
    "太郎;山田;+81 3 1234 5678;taro@example.jp\n"
    "Zoé;Martin;12;zoe@example.fr\n"
)


def type_fields(driver, values: dict) -> None:
    for field, value in values.items():
        type_into(driver, f"field-{field}", value, Keys.TAB)
    wait(driver, lambda d: find(d, "save-status").get_attribute("data-state") == "saved")


def mark_done(driver, step: str) -> None:
    click(driver, "mark-done-button")
    wait(driver, lambda d: status(d, step) == "done")


def create_zoom_app(driver, app_name: str, subscription_name: str) -> None:
    """The Zoom app's two steps: credentials from the practice tenant, the rest typed."""
    go_to(driver, "zoom-app-create")
    click(driver, "fill-practice-button")
    wait(driver, lambda d: attribute(d, "secret-state-zoom-client-secret", "data-saved") == "true")
    type_fields(driver, {
        "zoom-app-name": app_name,
        "zoom-company-name": "Acme",
        "zoom-developer-name": "Alex Admin",
        "zoom-developer-email": "alex@example.com",
    })
    mark_done(driver, "zoom-app-create")

    go_to(driver, "zoom-event-subscription")
    click(driver, "fill-practice-button")
    wait(driver, lambda d: attribute(d, "secret-state-zoom-secret-token", "data-saved") == "true")
    type_fields(driver, {"zoom-subscription-name": subscription_name})
    mark_done(driver, "zoom-event-subscription")


def fill_account_mapping(driver, emails: str) -> None:
    """CXone's account mapping: the access-key user picked from the live list, the rest typed."""
    click(driver, "agent-find-cxone-access-key-user")
    options = find(driver, "agent-results-cxone-access-key-user")
    first = options.find_elements(By.CSS_SELECTOR, '[role="option"]')[0]
    retry(driver, lambda d: first.click())
    wait(driver, lambda d: attribute(d, "field-cxone-access-key-user", "value"))
    type_fields(driver, {"cxone-account-name": "Zoom EU", "cxone-notification-emails": emails})


def check_now(driver, step: str) -> None:
    click(driver, "check-now-button")
    wait(driver, lambda d: status(d, step) == "done", 40)
    assert attribute(driver, "live-check", "data-ok") in (None, "true")


def test_both_purposes_end_to_end_then_everything_is_done_after_a_relaunch(app, tmp_path):
    csv_file = tmp_path / "contacts.csv"
    csv_file.write_text(CSV, encoding="utf-8")
    driver = app.launch()
    try:
        click(driver, "open-practice-button")
        find(driver, "practice-banner")
        click(driver, f"flow-open-{FLOW}")
        find(driver, "flow-view")

        retry(driver, lambda d: Select(find(d, "field-sync-purpose")).select_by_value("both"))
        wait(driver, lambda d: find(d, "save-status").get_attribute("data-state") == "saved")
        mark_done(driver, "choose-purpose")

        # The Directory Sync app: credentials from the practice tenant, the rest typed.
        create_zoom_app(driver, "CXone Directory Sync", "CXone directory events")

        # Verified: Done comes only from the live check of the token's scopes.
        go_to(driver, "zoom-app-scopes")
        assert not driver.find_elements(*by_id("mark-done-button")), "no manual Done on a verified step"
        check_now(driver, "zoom-app-scopes")

        go_to(driver, "zoom-presence-app")
        click(driver, "fill-practice-button")
        wait(driver, lambda d: attribute(d, "secret-state-zoom-ps-client-secret", "data-saved") == "true")
        type_fields(driver, {
            "zoom-ps-app-name": "CXone Presence Sync",
            "zoom-ps-subscription-name": "CXone presence events",
        })
        check_now(driver, "zoom-presence-app")

        # Automated address book: one entry typed, a CSV with two bad rows, a team, then apply.
        go_to(driver, "cxone-address-book")
        type_fields(driver, {"cxone-address-book-name": "Zoom directory"})
        retry(driver, lambda d: Select(find(d, "address-book-region")).select_by_value("FR"))
        type_into(driver, "entry-field-firstName", "Hélène")
        type_into(driver, "entry-field-lastName", "Dupont")
        type_into(driver, "entry-field-phone", "06 12 34 56 78")
        click(driver, "entry-submit")
        wait(driver, lambda d: "1" in find(d, "entry-count").text)
        # The window and the test share one machine: send the path itself, not an upload.
        driver.file_detector = UselessFileDetector()
        retry(driver, lambda d: find(d, "csv-file-input").send_keys(str(csv_file)))
        find(driver, "csv-preview")
        find(driver, "csv-rejected-3")
        find(driver, "csv-rejected-5")
        assert "2" in find(driver, "csv-accepted-count").text
        click(driver, "csv-add-button")
        wait(driver, lambda d: "3" in find(d, "entry-count").text)
        team = find(driver, "team-list").find_element(By.CSS_SELECTOR, 'input[type="checkbox"]')
        retry(driver, lambda d: team.click())
        click(driver, "plan-button")
        find(driver, "plan-summary")
        click(driver, "apply-button")
        # Done unblocks the Directory Sync step; the apply's result stays shown where it was asked for.
        wait(driver, lambda d: status(d, "cxone-address-book") == "done", 60)
        assert current_step(driver) == "step-item-cxone-address-book"
        wait(driver, lambda d: not find(d, "step-item-cxone-directory-sync").find_elements(By.CSS_SELECTOR, ".step-pending"))

        # Account mapping: the access-key user from the live CXone list; Done unblocks Zoom's
        # Validate step and takes the admin there.
        go_to(driver, "cxone-map-account")
        assert find(driver, "step-item-zoom-validate-endpoint").get_attribute("data-status") != "done"
        fill_account_mapping(driver, "ops@example.com; it@example.com")
        click(driver, "mark-done-button")
        wait(driver, lambda d: current_step(d) == "step-item-zoom-validate-endpoint")
        find(driver, "step-unblocked")
        mark_done(driver, "zoom-validate-endpoint")

        # Directory Sync editor: translation on, preview on the real Zoom users.
        go_to(driver, "cxone-directory-sync")
        find(driver, "directory-editor")
        click(driver, "translation-switch")
        click(driver, "directory-preview-button")
        find(driver, "directory-preview-summary", 60)
        rows = find(driver, "directory-preview-table").find_elements(
            By.CSS_SELECTOR, '[data-testid^="directory-preview-row-"]')
        translated = [r for r in rows if r.get_attribute("data-status") == "translated"]
        assert translated, "some Zoom numbers are translated"
        assert "+" in translated[0].text
        find(driver, "directory-checklist")
        mark_done(driver, "cxone-directory-sync")
    finally:
        driver.quit()

    driver = app.launch()
    try:
        find(driver, "flow-view")
        for step in STEPS:
            wait(driver, lambda d, s=step: status(d, s) == "done")
    finally:
        driver.quit()
