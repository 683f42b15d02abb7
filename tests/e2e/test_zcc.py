"""Flow 4 (Zoom Contact Center ↔ Salesforce) in the real window, against the practice tenant:
country codes added in the forms admins type (a duplicate refused), the Omni-Channel status map
with both sides read live, two statuses mapped, the checklist, and everything kept after a
relaunch."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import attribute, click, find, text_of, type_into, wait
from test_app import go_to
from test_presence import choose

FLOW = "zoom-contact-center-salesforce"


def findings(driver) -> list:
    return [f.get_attribute("data-code") for f in driver.find_elements(
        By.CSS_SELECTOR, '[data-testid^="status-map-finding-"]')]


def test_country_codes_and_a_status_map_read_live_are_kept(app):
    driver = app.launch()
    try:
        click(driver, "open-practice-button")
        find(driver, "practice-banner")
        click(driver, f"flow-open-{FLOW}")
        find(driver, "flow-view")

        go_to(driver, "sf-zoom-settings-country-codes")
        find(driver, "country-code-1")
        type_into(driver, "country-code-input", "0033", Keys.ENTER)
        find(driver, "country-code-33")
        type_into(driver, "country-code-input", "JP")
        click(driver, "country-code-add")
        find(driver, "country-code-81")
        assert "+81" in text_of(driver, "country-code-81")
        type_into(driver, "country-code-input", "+33", Keys.ENTER)
        assert "+33" in find(driver, "country-code-error").text
        assert text_of(driver, "country-code-count").startswith("3 of 20")

        go_to(driver, "sf-omni-channel-status-sync")
        find(driver, "status-map-editor")
        click(driver, "status-map-read")
        wait(driver, lambda d: "6 Zoom statuses" in text_of(d, "status-map-lists-at"), 40)
        # The seed's example row, with the org's own On Call status.
        wait(driver, lambda d: attribute(d, "status-map-salesforce-0", "value") == "On_Call")
        click(driver, "status-map-add-row")
        choose(driver, "status-map-zoom-1", "Ready")
        choose(driver, "status-map-salesforce-1", "Available")
        wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, '[data-testid^="status-map-checklist-"]')) == 2)
        assert "On Call" in text_of(driver, "status-map-checklist-0")
        wait(driver, lambda d: "status_map.row_incomplete" not in findings(d))
        assert set(findings(driver)) == {"status_map.zoom_unmapped"}, findings(driver)
    finally:
        driver.quit()

    driver = app.launch()
    try:
        find(driver, "flow-view")
        go_to(driver, "sf-zoom-settings-country-codes")
        for code in ("country-code-1", "country-code-33", "country-code-81"):
            find(driver, code)
        go_to(driver, "sf-omni-channel-status-sync")
        wait(driver, lambda d: attribute(d, "status-map-zoom-1", "value") == "Ready")
        assert attribute(driver, "status-map-salesforce-1", "value") == "Available"
        assert "6 Zoom statuses" in text_of(driver, "status-map-lists-at"), "the lists are kept with their time"
    finally:
        driver.quit()
