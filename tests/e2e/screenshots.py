"""Screenshots of Switchboard's main screens in English, French and Japanese (and one in dark
mode), taken from the real window under Xvfb through WebDriver. Run by scripts/screenshots."""

import socket
import subprocess
import time
import sys
import tempfile
from pathlib import Path

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import App, by_id, click, find, retry, type_into, wait
from test_app import ACCOUNT_ID, open_profile

LANGS = {"en": "en_US.UTF-8", "fr": "fr_FR.UTF-8", "ja": "ja_JP.UTF-8"}
CUSTOMERS = ["Acme Corp", "Boulangerie Dupont SA", "東京サポート株式会社"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def shoot(driver, out: Path, name: str) -> None:
    """Grabs the real window from the X server, the way a person sees it. (WebKitWebDriver's own
    screenshot command leaves the driver hanging on the next view change.)"""
    driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.6)  # let the scroll and any transition paint
    path = out / f"{name}.png"
    subprocess.run(["import", "-window", "root", "-crop", "1180x780+0+0", "+repage", str(path)], check=True)
    print(f"wrote {path}")


def session(lang: str, out: Path, dark: bool = False) -> None:
    with tempfile.TemporaryDirectory(prefix="switchboard-shots-") as root:
        app = App(Path(root), free_port(), lang=LANGS[lang], dark=dark)
        try:
            for name in CUSTOMERS:
                app.cli("profile", "create", name)
            driver = app.launch()
            suffix = "-dark" if dark else ""
            try:
                find(driver, "home-view")
                wait(driver, EC.text_to_be_present_in_element(by_id("profile-list"), "Acme Corp"))
                if not dark:
                    shoot(driver, out, f"{lang}-home")
                open_profile(driver, "Acme Corp")
                find(driver, "flow-list")
                if not dark:
                    shoot(driver, out, f"{lang}-profile")
                # WebKitWebDriver can hang on a command after in-app navigation back to a
                # screen, so every screen is shot on the way forward.
                click(driver, "flow-open-zoom-directory-sync")
                find(driver, "flow-view")
                retry(driver, lambda d: Select(find(d, "field-sync-purpose")).select_by_value("both"))
                click(driver, "mark-done-button")
                wait(driver, lambda d: d.switch_to.active_element.get_attribute("data-testid") == "step-heading")
                type_into(driver, "field-zoom-account-id", ACCOUNT_ID, Keys.TAB)
                type_into(driver, "field-zoom-client-id", "xYz98AbCdEfGhIjKlMn", Keys.TAB)
                type_into(driver, "secret-zoom-client-secret", "practice-secret", Keys.ENTER)
                wait(driver, lambda d: find(d, "secret-state-zoom-client-secret").get_attribute("data-saved") == "true")
                click(driver, "step-item-zoom-event-subscription")
                wait(driver, lambda d: ACCOUNT_ID in find(d, "flow-view").text)
                shoot(driver, out, f"{lang}-flow{suffix}")
                if dark:
                    return
                click(driver, "step-item-zoom-validate-endpoint")
                find(driver, "step-pending")
                shoot(driver, out, f"{lang}-pending")
                click(driver, "about-button")
                find(driver, "about-dialog")
                shoot(driver, out, f"{lang}-about")
            finally:
                driver.quit()
        finally:
            app.close()


def practice_session(lang: str, out: Path) -> None:
    """The practice tenant's Connections page: all four tested, then Zoom with an expired secret."""
    with tempfile.TemporaryDirectory(prefix="switchboard-shots-") as root:
        app = App(Path(root), free_port(), lang=LANGS[lang])
        try:
            driver = app.launch()
            try:
                click(driver, "open-practice-button")
                find(driver, "practice-banner")
                click(driver, "connections-button")
                for vendor in ("zoom", "cxone", "salesforce", "genesys"):
                    click(driver, f"connection-test-{vendor}")
                    wait(driver, lambda d, v=vendor: find(d, f"diagnosis-{v}").get_attribute("data-ok") == "true", 30)
                click(driver, "practice-fault-expiredSecret")
                click(driver, "connection-test-zoom")
                wait(driver, lambda d: find(d, "diagnosis-zoom").get_attribute("data-ok") == "false", 30)
                driver.execute_script("arguments[0].scrollIntoView({block: 'end'})", find(driver, "diagnosis-zoom"))
                time.sleep(0.6)
                path = out / f"{lang}-practice.png"
                subprocess.run(["import", "-window", "root", "-crop", "1180x780+0+0", "+repage", str(path)], check=True)
                print(f"wrote {path}")
            finally:
                driver.quit()
        finally:
            app.close()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        session(lang, out)
    session("en", out, dark=True)
    for lang in LANGS:
        practice_session(lang, out)


if __name__ == "__main__":
    main()
