"""Without an OS keychain the app says so, in the user's language, and stores no secret."""

import socket
import tempfile
from pathlib import Path

from selenium.webdriver.common.keys import Keys

from conftest import App, attribute, click, find, type_into, wait
from test_app import open_profile


def test_without_a_keychain_the_app_explains_the_fix_and_refuses_secrets():
    with tempfile.TemporaryDirectory(prefix="switchboard-nokeychain-") as root:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        app = App(Path(root), port, lang="fr_FR.UTF-8", keychain=False)
        try:
            app.cli("profile", "create", "Sans trousseau")
            driver = app.launch()
            try:
                banner = find(driver, "keychain-banner")
                assert "trousseau" in banner.text, banner.text
                assert "GNOME Keyring" in banner.text, "the banner names the fix"
                open_profile(driver, "Sans trousseau")
                click(driver, "flow-open-zoom-directory-sync")
                click(driver, "step-item-zoom-app-create")
                type_into(driver, "secret-zoom-client-secret", "would-be-secret", Keys.ENTER)
                wait(driver, lambda d: "trousseau" in find(d, "flow-view").text.lower())
                saved = attribute(driver, "secret-state-zoom-client-secret", "data-saved")
                assert saved == "false", "a secret that could not be stored is not reported saved"
            finally:
                driver.quit()
            db = app.data_dir / "switchboard.sqlite3"
            assert b"would-be-secret" not in db.read_bytes(), "no fallback store in the database"
        finally:
            app.close()
