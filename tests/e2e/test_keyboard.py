"""A whole flow by keyboard alone: Tab, Shift+Tab, Enter, Space and arrow keys, no click. From an
empty Home into the practice tenant; flow 1's first steps (a choice made with the arrow keys, Mark
as done, the practice values, a live check); then flow 5 (review and hand-over) to its end. Each
move is a real key press; a control that holds the focus (a keyboard trap) or that Tab never
reaches fails the test and names the path the focus took."""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import attribute, find, wait
from test_app import current_step

LIMIT = 120  # more Tab presses than any screen has stops


def press(driver, key: str, shift: bool = False) -> None:
    actions = ActionChains(driver)
    if shift:
        actions.key_down(Keys.SHIFT).send_keys(key).key_up(Keys.SHIFT)
    else:
        actions.send_keys(key)
    actions.perform()


def focused(driver) -> str:
    """The focused element's test id, else a short description of it."""
    return driver.execute_script(
        """const e = document.activeElement;
        if (!e || e === document.body) return 'body';
        const text = (e.textContent || '').trim().slice(0, 40);
        return e.getAttribute('data-testid') || `${e.tagName.toLowerCase()}#${e.id} "${text}"`;"""
    )


def tab_to(driver, test_id: str, backwards: bool = False) -> None:
    """Presses Tab (or Shift+Tab) until `test_id` has the focus."""
    wait(driver, lambda d: find(d, test_id))
    path = []
    for _ in range(LIMIT):
        now = focused(driver)
        if now == test_id:
            return
        path.append(now)
        # The same control three times in a row while tabbing on: the focus is trapped there.
        assert path[-3:] != [now] * 3 or now == "body", f"keyboard trap at {now}: {path}"
        press(driver, Keys.TAB, shift=backwards)
    raise AssertionError(f"Tab never reached {test_id}; the focus went {path}")


def activate(driver, test_id: str, key: str = Keys.ENTER, backwards: bool = False) -> None:
    tab_to(driver, test_id, backwards)
    press(driver, key)


def choose_with_arrows(driver, test_id: str, value: str) -> None:
    tab_to(driver, test_id)
    for _ in range(10):
        if attribute(driver, test_id, "value") == value:
            return
        press(driver, Keys.ARROW_DOWN)
    raise AssertionError(f"the arrow keys never chose {value} in {test_id}")


def test_a_flow_is_completed_with_the_keyboard_alone(app):
    driver = app.launch()
    try:
        find(driver, "home-view")
        activate(driver, "open-practice-button")
        find(driver, "practice-banner")

        # Flow 1: a choice with the arrow keys, then Mark as done with Space.
        activate(driver, "flow-open-zoom-directory-sync")
        find(driver, "flow-view")
        choose_with_arrows(driver, "field-sync-purpose", "directory")
        activate(driver, "mark-done-button", Keys.SPACE)
        wait(driver, lambda d: current_step(d) == "step-item-zoom-app-create")
        # The practice values with Enter (the step's other fields stay for later).
        activate(driver, "fill-practice-button")
        wait(driver, lambda d: attribute(d, "secret-state-zoom-client-secret", "data-saved") == "true")
        # Back up into the step list and open the scopes step, then check it live.
        activate(driver, "step-item-zoom-app-scopes", backwards=True)
        wait(driver, lambda d: current_step(d) == "step-item-zoom-app-scopes")
        activate(driver, "check-now-button")
        wait(driver, lambda d: attribute(d, "step-item-zoom-app-scopes", "data-status") == "done", 40)

        # Flow 5 to its end: the review, then the hand-over with its two fields.
        activate(driver, "back-to-profile-button", backwards=True)
        find(driver, "profile-view")
        activate(driver, "flow-open-review-report")
        find(driver, "flow-view")
        wait(driver, lambda d: current_step(d) == "step-item-review-setup")
        find(driver, "review-panel", 30)
        activate(driver, "mark-done-button")
        wait(driver, lambda d: current_step(d) == "step-item-handover")
        tab_to(driver, "field-handover-recipient")
        press(driver, "servicedesk@acme.example")
        press(driver, Keys.TAB)
        tab_to(driver, "field-handover-date")
        press(driver, "2026-12-15")
        press(driver, Keys.TAB)
        wait(driver, lambda d: find(d, "save-status").get_attribute("data-state") == "saved")
        assert attribute(driver, "field-handover-recipient", "value") == "servicedesk@acme.example"
        # The last step done by keyboard: the flow says it is finished and shows its summary.
        activate(driver, "mark-done-button")
        wait(driver, lambda d: attribute(d, "step-item-handover", "data-status") == "done")
        assert attribute(driver, "step-item-review-setup", "data-status") == "done"
        find(driver, "flow-finished")
    finally:
        driver.quit()
