"""Flow 3 (Genesys Cloud data actions) in the real window, against the practice tenant: a Web
services integration (Basic: user and a password kept in the keychain) and an AWS Lambda one
planned, reviewed and applied, both reported Active; the Web services password rotated in its
existing credential and its data action tested; the Lambda one deactivated, then deleted after confirmation."""


from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import attribute, click, find, retry, text_of, type_into, wait
from test_app import go_to

FLOW = "genesys-data-actions"
ARN = "arn:aws:iam::123456789012:role/genesys-data-actions"
WEB = "Web services 1"
LAMBDA = "AWS Lambda 1"


def managed_id(driver, name: str) -> str:
    """The org integration id of the row named `name` in "Integrations in the org"."""
    found = {}
    selector = f'[data-testid^="da-managed-row-"][data-name="{name}"]'
    retry(driver, lambda d: found.__setitem__(
        "id", d.find_element(By.CSS_SELECTOR, selector).get_attribute("data-testid").removeprefix("da-managed-row-")))
    return found["id"]


def managed_state(driver, integration_id: str) -> str:
    return attribute(driver, f"da-managed-state-{integration_id}", "data-state")


def no_row(driver, name: str) -> bool:
    return not driver.find_elements(By.CSS_SELECTOR, f'[data-testid^="da-managed-row-"][data-name="{name}"]')


def test_plan_apply_rotate_deactivate_delete(app):
    driver = app.launch()
    try:
        click(driver, "open-practice-button")
        find(driver, "practice-banner")
        click(driver, f"flow-open-{FLOW}")
        find(driver, "flow-view")
        go_to(driver, "data-actions")
        find(driver, "data-actions-editor")
        # The org's kinds are read live: "N of MAX used".
        wait(driver, lambda d: "50" in text_of(d, "da-kind-web-services"), 30)

        # Web services, Basic authentication: a user name in the plan, the password in the keychain.
        click(driver, "da-add-web-services")
        find(driver, "da-item-0")
        assert attribute(driver, "da-name-0", "value") == WEB
        type_into(driver, "da-field-0-userName", "svc-genesys", Keys.TAB)
        type_into(driver, "da-field-0-password", "first-Pa55word", Keys.ENTER)
        wait(driver, lambda d: attribute(d, "da-secret-state-0-password", "data-saved") == "true")

        # AWS Lambda: the role ARN; the external ID and Genesys' account are there to copy.
        click(driver, "da-add-aws-lambda")
        find(driver, "da-item-1")
        assert attribute(driver, "da-name-1", "value") == LAMBDA
        type_into(driver, "da-field-1-ARN", ARN, Keys.TAB)
        assert text_of(driver, "copy-value-aws-account-1") == "765628985471"

        click(driver, "da-review-button")
        wait(driver, lambda d: attribute(d, "da-preview", "data-ready") == "true", 30)
        assert "Will be created" in text_of(driver, "da-preview-item-0")
        assert "Will be created" in text_of(driver, "da-preview-item-1")

        click(driver, "da-apply-button")
        wait(driver, lambda d: attribute(d, "da-apply-result", "data-state") == "done", 120)
        for index in (0, 1):
            assert attribute(driver, f"da-outcome-{index}", "data-state") == "ACTIVE"
            assert "Active ✓" in text_of(driver, f"da-outcome-{index}")

        web_id = managed_id(driver, WEB)
        lambda_id = managed_id(driver, LAMBDA)
        wait(driver, lambda d: managed_state(d, web_id) == "ACTIVE")
        wait(driver, lambda d: managed_state(d, lambda_id) == "ACTIVE")

        # Rotate: a new password saved for the planned item, then put into the existing credential.
        click(driver, "da-secret-replace-0-password")
        type_into(driver, "da-field-0-password", "second-Pa55word", Keys.ENTER)
        wait(driver, lambda d: attribute(d, "da-secret-state-0-password", "data-saved") == "true")
        click(driver, f"da-rotate-{web_id}")
        wait(driver, lambda d: "rotated" in text_of(d, "da-managed-status"), 30)
        assert managed_id(driver, WEB) == web_id, "rotating keeps the same integration"

        # Once active, its data action is tested with an input the admin types.
        click(driver, f"da-test-toggle-{web_id}")
        input_box = find(driver, f"da-test-input-{web_id}")
        input_box.clear()
        input_box.send_keys('{"accountId": "0015e00000AbCdE"}')
        click(driver, f"da-test-run-{web_id}")
        wait(driver, lambda d: "passed its test" in text_of(d, f"da-test-result-{web_id}"), 30)

        # Deactivate the Lambda one, then delete it after the confirmation.
        click(driver, f"da-toggle-{lambda_id}")

        def inactive(d):
            if managed_state(d, lambda_id) == "INACTIVE":
                return True
            click(d, "da-managed-refresh")
            return False

        wait(driver, inactive, 30)
        assert "Activate" in text_of(driver, f"da-toggle-{lambda_id}")
        click(driver, f"da-delete-{lambda_id}")
        dialog = find(driver, "da-delete-dialog")
        assert LAMBDA in dialog.text and "credential" in dialog.text
        click(driver, "da-delete-confirm")
        wait(driver, lambda d: no_row(d, LAMBDA), 30)
        assert managed_state(driver, web_id) == "ACTIVE"
    finally:
        driver.quit()
