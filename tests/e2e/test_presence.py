"""Flow 2 (CXone ↔ Salesforce presence) in the real window, against the practice tenant:
Salesforce connected and the preflight passing, two planned statuses turning the verified step Done only once they exist,
a presence rule with a flip-flop loop flagged and simulated, fixed, its diagram exported, and
the rule intact after a relaunch."""

import os
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import attribute, click, find, type_into, wait
from test_app import go_to, status

FLOW = "cxone-salesforce-presence"


def choose(driver, test_id: str, value: str) -> None:
    """Picks an option as the user's click does: the value, then the change event. (Selenium's
    option click on WebKitGTK sometimes changes the value without firing `change`.)"""
    element = find(driver, test_id)
    assert element.find_elements(By.CSS_SELECTOR, f'option[value="{value}"]'), f"{test_id} offers {value}"
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value)


def codes(driver) -> list:
    return [f.get_attribute("data-code") for f in driver.find_elements(
        By.CSS_SELECTOR, '[data-testid^="finding-"][data-code]')]


def test_statuses_verified_then_a_looping_rule_is_flagged_simulated_fixed_and_kept(app):
    driver = app.launch()
    try:
        click(driver, "open-practice-button")
        find(driver, "practice-banner")
        click(driver, "connections-button")
        click(driver, "connection-test-salesforce")
        wait(driver, lambda d: attribute(d, "diagnosis-salesforce", "data-ok") == "true", 30)
        click(driver, "back-from-connections-button")
        click(driver, f"flow-open-{FLOW}")
        find(driver, "flow-view")

        # Before anything is asked: the preflight signs in with the Salesforce connection.
        click(driver, "sf-preflight-button")
        wait(driver, lambda d: attribute(d, "diagnosis-salesforce", "data-ok") == "true", 30)

        # Plan two statuses; the developer names are suggested from the labels.
        go_to(driver, "sf-presence-statuses")
        for i, label in enumerate(["Back Office", "Pause dejeuner"]):
            click(driver, "planned-add-button")
            type_into(driver, f"planned-label-{i}", label, Keys.TAB)
            choose(driver, f"planned-kind-{i}", "busy")
        wait(driver, lambda d: attribute(d, "planned-developerName-1", "value") == "Pause_dejeuner")

        # They do not exist in the org yet: the live check names them, the step is not Done.
        click(driver, "check-now-button")
        wait(driver, lambda d: status(d, "sf-presence-statuses") == "needs_attention", 40)
        missing = find(driver, "live-check").text
        assert "Back_Office" in missing and "Pause_dejeuner" in missing, missing

        # Created (in the practice org, standing in for Setup): now the check passes.
        click(driver, "practice-create-statuses-button")
        find(driver, "practice-create-status")
        click(driver, "check-now-button")
        wait(driver, lambda d: status(d, "sf-presence-statuses") == "done", 40)

        # The rule editor with the live lists of both systems.
        go_to(driver, "cxone-presence-rule")
        find(driver, "presence-editor")
        click(driver, "presence-refresh-button")
        find(driver, "presence-catalog-at", 40)
        type_into(driver, "presence-rule-name", "Paris agents", Keys.TAB)
        for i, (acd, sf) in enumerate([("Lunch", "Lunch"), ("Break", "On_Break")]):
            click(driver, "presence-add-state-row")
            choose(driver, f"state-acd-{i}", acd)
            choose(driver, f"state-salesforce-{i}", sf)
        # The loop: Salesforce Lunch sends CXone to Break, whose status sends it back to Lunch.
        for i, (sf, acd) in enumerate([("Lunch", "Break"), ("On_Break", "Lunch")]):
            click(driver, "presence-add-subscriber-row")
            choose(driver, f"subscriber-salesforce-{i}", sf)
            choose(driver, f"subscriber-acd-{i}", acd)
        wait(driver, lambda d: "presence.loop" in codes(d), 20)

        loop = next(i for i, c in enumerate(codes(driver)) if c == "presence.loop")
        click(driver, f"finding-focus-{loop}")
        focused = driver.switch_to.active_element.get_attribute("data-testid") or ""
        assert focused.startswith(("state-", "subscriber-")), f"the finding leads to its row: {focused}"

        choose(driver, "simulator-system", "acd")
        choose(driver, "simulator-state", "Lunch")
        click(driver, "simulator-run")
        wait(driver, lambda d: attribute(d, "simulator-outcome", "data-outcome") == "loops")
        assert len(find(driver, "simulator-steps").find_elements(By.CSS_SELECTOR, "li")) >= 4

        # Fixed: each Salesforce status sends CXone to the state that published it.
        choose(driver, "subscriber-acd-0", "Lunch")
        choose(driver, "subscriber-acd-1", "Break")
        wait(driver, lambda d: "presence.loop" not in codes(d), 20)
        click(driver, "simulator-run")
        wait(driver, lambda d: attribute(d, "simulator-outcome", "data-outcome") == "settles")

        click(driver, "export-diagram-button")
        saved = find(driver, "saved-path-diagram").text.strip()
        path = next(p for p in saved.split() if p.endswith(".svg"))
        assert os.path.exists(path), f"the diagram was written: {saved}"
        assert "<svg" in Path(path).read_text(encoding="utf-8")
    finally:
        driver.quit()

    driver = app.launch()
    try:
        find(driver, "flow-view")
        go_to(driver, "cxone-presence-rule")
        wait(driver, lambda d: attribute(d, "presence-rule-name", "value") == "Paris agents")
        assert Select(find(driver, "subscriber-acd-1")).first_selected_option.get_attribute("value") == "Break"
        assert "presence.loop" not in codes(driver)
        assert status(driver, "sf-presence-statuses") == "done"
    finally:
        driver.quit()
