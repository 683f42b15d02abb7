"""A profile travels without its secrets, in the real window: a customer profile with a Genesys
connection and its client secret is exported (into a private Downloads folder), deleted, imported
again from Home, and the window asks for the secret again; the file itself holds no secret. The
journal of the imported profile opens from its page."""

import json
import socket
import tempfile
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.file_detector import UselessFileDetector
from selenium.webdriver.support import expected_conditions as EC

from conftest import App, attribute, by_id, click, find, retry, text_of, type_into, wait
from test_app import open_profile

SECRET = "canary-e2e-genesys-5f1c0a7e"
CLIENT_ID = "5b5c1c39-0000-4000-8000-000000000001"


@pytest.fixture
def downloads_app():
    """An installation whose Downloads folder is private: `dirs` reads it from user-dirs.dirs."""
    with tempfile.TemporaryDirectory(prefix="switchboard-profile-file-") as root:
        root = Path(root)
        downloads = root / "downloads"
        downloads.mkdir()
        config = root / "xdg_config_home"
        config.mkdir(parents=True, exist_ok=True)
        (config / "user-dirs.dirs").write_text(f'XDG_DOWNLOAD_DIR="{downloads}"\n')
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        instance = App(root, port)
        instance.downloads = downloads
        try:
            yield instance
        finally:
            instance.close()


def test_a_profile_exported_deleted_and_imported_asks_for_its_secret_again(downloads_app):
    app = downloads_app
    app.cli("profile", "create", "Acme Hand-over")
    driver = app.launch()
    try:
        open_profile(driver, "Acme Hand-over")
        click(driver, "connections-button")
        type_into(driver, "connection-field-genesys-clientId", CLIENT_ID, Keys.TAB)
        click(driver, "connection-save-genesys")
        wait(driver, lambda d: find(d, "connection-status-genesys").text != "")
        type_into(driver, "secret-genesys-client-secret", SECRET, Keys.ENTER)
        wait(driver, lambda d: attribute(d, "connection-secret-genesys-client-secret", "data-saved") == "true")

        # Export from the profile page: the file lands in Downloads and holds no secret.
        click(driver, "back-from-connections-button")
        click(driver, "profile-export-button")
        saved = text_of(driver, "profile-exported")
        files = list(app.downloads.glob("profile-acme-hand-over-*.json"))
        assert len(files) == 1, saved
        text = files[0].read_text(encoding="utf-8")
        assert SECRET not in text
        exported = json.loads(text)
        assert exported["format"] == "switchboard-profile"
        assert {"scope": "connection:genesys", "field": "client-secret"} in exported["secrets"]

        # Delete it from Home.
        click(driver, "home-button")
        find(driver, "home-view")

        def delete_row(d):
            row = next(r for r in d.find_elements(By.CSS_SELECTOR, '[data-testid^="profile-row-"]') if "Acme Hand-over" in r.text)
            profile_id = row.get_attribute("data-testid").rsplit("-", 1)[1]
            d.find_element(*by_id(f"profile-delete-{profile_id}")).click()

        retry(driver, delete_row)
        click(driver, "delete-confirm-button")
        wait(driver, lambda d: "Acme Hand-over" not in find(d, "home-view").text)

        # Import it again: the window lists the secret to enter and saves it to the keychain.
        click(driver, "profile-import-button")
        find(driver, "profile-import-dialog")
        driver.file_detector = UselessFileDetector()
        retry(driver, lambda d: d.find_element(*by_id("profile-import-input")).send_keys(str(files[0])))
        assert "Acme Hand-over" in text_of(driver, "profile-import-summary")
        click(driver, "profile-import-confirm")
        result = find(driver, "profile-import-result")
        assert "Acme Hand-over was imported." in result.text
        assert "Genesys Cloud connection" in text_of(driver, "secret-to-enter-0")
        retry(driver, lambda d: d.find_element(By.ID, "secret-to-enter-0").send_keys(SECRET, Keys.ENTER))
        wait(driver, EC.text_to_be_present_in_element(by_id("secret-to-enter-0"), "Saved in the keychain"))

        click(driver, "profile-import-open")
        click(driver, "connections-button")
        wait(driver, lambda d: attribute(d, "connection-secret-genesys-client-secret", "data-saved") == "true")
        assert CLIENT_ID in attribute(driver, "connection-field-genesys-clientId", "value")

        # Its journal opens from the profile page and shows the import.
        click(driver, "back-from-connections-button")
        click(driver, "journal-button")
        wait(driver, EC.text_to_be_present_in_element(by_id("journal-table"), "profile.import"))
        assert SECRET not in find(driver, "journal-view").text
    finally:
        driver.quit()
