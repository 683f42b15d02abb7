"""The practice tenant in the real window: open it from Home, see the banner, test the four
connections against the built-in emulator and see them pass; turn on "expired secret" and see
the translated diagnosis; then in an ordinary profile enter a wrong value and see the field error."""


from selenium.webdriver.common.keys import Keys

from conftest import attribute, click, find, type_into, wait
from test_app import open_profile

VENDORS = ["zoom", "cxone", "salesforce", "genesys"]


def test_practice_connections_pass_then_an_expired_secret_is_diagnosed(app):
    driver = app.launch()
    try:
        find(driver, "home-view")
        click(driver, "open-practice-button")
        find(driver, "practice-banner")
        click(driver, "connections-button")
        for vendor in VENDORS:
            click(driver, f"connection-test-{vendor}")
            wait(driver, lambda d, v=vendor: attribute(d, f"diagnosis-{v}", "data-ok") == "true", 30)
        find(driver, "practice-banner")

        click(driver, "practice-fault-expiredSecret")
        click(driver, "connection-test-zoom")
        wait(driver, lambda d: attribute(d, "diagnosis-zoom", "data-ok") == "false", 30)
        report = find(driver, "diagnosis-zoom").text
        assert "Zoom" in report and len(report) > 40, f"the failure says what to fix: {report}"
    finally:
        driver.quit()


def test_a_wrong_value_in_an_ordinary_connection_is_shown_at_its_field(app):
    app.cli("profile", "create", "Ordinary customer")
    driver = app.launch()
    try:
        # A relaunch may resume inside the practice profile: go Home first.
        click(driver, "home-button")
        open_profile(driver, "Ordinary customer")
        wait(driver, lambda d: not d.find_elements("css selector", '[data-testid="practice-banner"]'))
        click(driver, "connections-button")
        type_into(driver, "connection-field-zoom-accountId", "acct", Keys.TAB)
        type_into(driver, "connection-field-zoom-clientId", "client", Keys.TAB)
        click(driver, "connection-save-zoom")
        error = find(driver, "connection-field-error-zoom-accountId")
        assert error.text, "the field says what is wrong with the account ID"
        assert attribute(driver, "connection-field-zoom-accountId", "aria-invalid") == "true"
    finally:
        driver.quit()
