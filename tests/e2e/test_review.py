"""Flow 5 (review and hand-over report) in the real window, against the practice tenant: an AWS
Lambda data-action integration applied in flow 3, then the review lists it with its Genesys id;
the report is exported as HTML and as Markdown in French (to a folder the test supplies through
SWITCHBOARD_SAVE_DIR, since WebDriver cannot click a native save dialog), and the HTML page,
opened in the webview, shows the French headings and the created id."""

import os
import socket
import tempfile
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import App, attribute, click, find, retry, text_of, type_into, wait
from test_app import go_to

ARN = "arn:aws:iam::123456789012:role/genesys-data-actions"
FRENCH_HEADINGS = [
    "Connexions",
    "Avancement des parcours",
    "Créé ou vérifié par les API",
    # French typography: a non-breaking space before the colon.
    "Rappels\u00a0: expirations et renouvellements",
    "Transfert",
]


@pytest.fixture(scope="module")
def saved_here():
    with tempfile.TemporaryDirectory(prefix="switchboard-reports-") as folder:
        yield Path(folder)


@pytest.fixture(scope="module")
def app(saved_here):
    """An installation whose save dialog answers with a file in `saved_here`."""
    with tempfile.TemporaryDirectory(prefix="switchboard-e2e-") as root:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        os.environ["SWITCHBOARD_SAVE_DIR"] = str(saved_here)
        try:
            instance = App(Path(root), port)
        finally:
            del os.environ["SWITCHBOARD_SAVE_DIR"]
        try:
            yield instance
        finally:
            instance.close()


def apply_a_lambda_integration(driver) -> str:
    """Flow 3: one AWS Lambda integration planned and applied; its Genesys id."""
    click(driver, "flow-open-genesys-data-actions")
    find(driver, "flow-view")
    go_to(driver, "data-actions")
    find(driver, "data-actions-editor")
    # The org's kinds are read live before anything is added.
    wait(driver, lambda d: "50" in text_of(d, "da-kind-web-services"), 30)
    click(driver, "da-add-aws-lambda")
    find(driver, "da-item-0")
    type_into(driver, "da-field-0-ARN", ARN, Keys.TAB)
    click(driver, "da-review-button")
    wait(driver, lambda d: attribute(d, "da-preview", "data-ready") == "true", 60)
    click(driver, "da-apply-button")
    wait(driver, lambda d: attribute(d, "da-apply-result", "data-state") == "done", 120)
    found = {}
    selector = '[data-testid^="da-managed-row-"][data-name="AWS Lambda 1"]'
    retry(driver, lambda d: found.__setitem__(
        "id", d.find_element(By.CSS_SELECTOR, selector).get_attribute("data-testid").removeprefix("da-managed-row-")))
    return found["id"]


def export(driver, fmt: str) -> Path:
    click(driver, f"report-format-{fmt}")
    retry(driver, lambda d: Select(find(d, "report-language")).select_by_value("fr"))
    click(driver, "report-save")
    wait(driver, lambda d: text_of(d, "report-saved-path").endswith(f".{fmt}"), 30)
    return Path(text_of(driver, "report-saved-path"))


def test_review_and_french_report_list_the_created_integration(app, saved_here):
    driver = app.launch()
    try:
        click(driver, "open-practice-button")
        find(driver, "practice-banner")
        integration_id = apply_a_lambda_integration(driver)

        click(driver, "back-to-profile-button")
        click(driver, "flow-open-review-report")
        find(driver, "flow-view")
        go_to(driver, "review-setup")
        find(driver, "review-panel")
        wait(driver, lambda d: integration_id in text_of(d, "review-object-integration"), 30)
        assert "AWS Lambda 1" in text_of(driver, "review-object-integration")
        assert "Genesys Cloud" in text_of(driver, "review-connection-genesys")
        # An open step links to where it is done.
        assert driver.find_elements(By.CSS_SELECTOR, '[data-testid^="review-open-"] button')

        go_to(driver, "handover")
        find(driver, "report-export")
        html = export(driver, "html")
        markdown = export(driver, "md")
        for path in (html, markdown):
            assert path.parent == saved_here, path
            # The French report is named in French.
            assert path.name.startswith("Rapport Switchboard - Practice tenant - "), path.name
            assert path.is_file()

        text = markdown.read_text(encoding="utf-8")
        assert text.startswith("# Rapport de transfert — Practice tenant")
        for heading in FRENCH_HEADINGS:
            assert f"\n## {heading}\n" in text, heading
        assert integration_id in text

        # The HTML page itself, in the webview: headings and the id, and nothing run.
        driver.get(html.as_uri())
        headings = {}
        retry(driver, lambda d: headings.__setitem__(
            "h2", [h.text for h in d.find_elements(By.TAG_NAME, "h2")]) or headings["h2"])
        # WebDriver's visible text turns a non-breaking space into a space.
        assert headings["h2"] == [h.replace("\u00a0", " ") for h in FRENCH_HEADINGS]
        assert integration_id in driver.find_element(By.TAG_NAME, "body").text
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
        assert not driver.find_elements(By.TAG_NAME, "script")
    finally:
        driver.quit()
