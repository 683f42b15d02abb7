"""A first run that leads: a new user on an empty Home reads what a profile is, opens the
practice tenant from there, answers the flow's first question (the purpose), sees only that
purpose's steps listed and counted, goes through them (a passed live check moves on by itself),
and lands on the finished flow's summary with its link to the hand-over report."""

from selenium.webdriver.common.by import By

from conftest import attribute, by_id, click, find, retry, wait
from test_app import current_step, go_to, status
from test_directory_sync import create_zoom_app, fill_account_mapping, mark_done

FLOW = "zoom-directory-sync"
PRESENCE_STEPS = [
    "choose-purpose",
    "zoom-app-create",
    "zoom-event-subscription",
    "zoom-app-scopes",
    "cxone-map-account",
    "zoom-validate-endpoint",
]
NOT_FOR_PRESENCE = ["zoom-presence-app", "cxone-address-book", "cxone-directory-sync"]


def listed_steps(driver) -> list[str]:
    found = {}
    retry(driver, lambda d: found.__setitem__("ids", [
        e.get_attribute("data-step-id")
        for e in d.find_elements(By.CSS_SELECTOR, '[data-testid="step-list"] [data-step-id]')
    ]))
    return found["ids"]


def go_through_the_presence_steps(driver) -> None:
    """The six steps of Presence Sync in the practice tenant, the purpose already chosen: the
    Zoom app from the practice tenant, the scope check live (which moves on by itself), the
    access-key user from the live CXone list."""
    go_to(driver, "choose-purpose")
    mark_done(driver, "choose-purpose")

    create_zoom_app(driver, "CXone Presence Sync", "CXone presence events")

    # A passed live check offers "Stay on this step", then moves on by itself.
    go_to(driver, "zoom-app-scopes")
    click(driver, "check-now-button")
    wait(driver, lambda d: status(d, "zoom-app-scopes") == "done", 40)
    find(driver, "stay-on-step-button")
    wait(driver, lambda d: current_step(d) == "step-item-cxone-map-account", 15)

    fill_account_mapping(driver, "ops@example.com")
    click(driver, "mark-done-button")
    wait(driver, lambda d: current_step(d) == "step-item-zoom-validate-endpoint")
    mark_done(driver, "zoom-validate-endpoint")


def test_a_new_user_goes_from_an_empty_home_to_a_finished_flow_summary(app):
    driver = app.launch()
    try:
        # An empty Home explains profiles, shows the overview picture and offers the practice tenant.
        welcome = find(driver, "home-welcome")
        assert "profile" in welcome.text.lower()
        picture = find(driver, "connections-overview").find_element(By.CSS_SELECTOR, "svg")
        assert picture.get_attribute("role") == "img"
        click(driver, "welcome-practice-button")
        find(driver, "practice-banner")
        click(driver, f"flow-open-{FLOW}")
        find(driver, "flow-view")

        # The purpose is asked first; nothing behind it is listed until it is chosen.
        find(driver, "choice-card")
        assert not set(NOT_FOR_PRESENCE) & set(listed_steps(driver))
        click(driver, "choice-sync-purpose-presence")
        wait(driver, lambda d: not d.find_elements(*by_id("choice-card")))
        find(driver, "choice-summary")
        wait(driver, lambda d: listed_steps(d) == PRESENCE_STEPS)
        assert attribute(driver, "flow-progress", "data-total") == str(len(PRESENCE_STEPS))
        assert attribute(driver, "flow-progress", "data-done") == "0"

        go_through_the_presence_steps(driver)

        # The flow says it is finished: a summary of what was set up, focused, and the report.
        summary = find(driver, "flow-finished")
        wait(driver, lambda d: d.switch_to.active_element.get_attribute("data-testid") == "flow-finished-heading")
        assert "Zoom EU" in summary.text and "CXone Presence Sync" in summary.text
        assert attribute(driver, "flow-progress", "data-done") == str(len(PRESENCE_STEPS))
        click(driver, "handover-link")
        wait(driver, lambda d: current_step(d) == "step-item-handover")
    finally:
        driver.quit()
