"""Screenshots of Switchboard's main screens in English, French and Japanese, light and dark,
taken from the real window under Xvfb through WebDriver. Run by scripts/screenshots."""

import socket
import subprocess
import time
import sys
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By
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
    suffix = "-dark" if dark else ""
    with tempfile.TemporaryDirectory(prefix="switchboard-shots-") as root:
        app = App(Path(root), free_port(), lang=LANGS[lang], dark=dark)
        try:
            for name in CUSTOMERS:
                app.cli("profile", "create", name)
            driver = app.launch()
            try:
                find(driver, "home-view")
                wait(driver, EC.text_to_be_present_in_element(by_id("profile-list"), "Acme Corp"))
                shoot(driver, out, f"{lang}-home{suffix}")
                open_profile(driver, "Acme Corp")
                find(driver, "flow-list")
                shoot(driver, out, f"{lang}-profile{suffix}")
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
                click(driver, "step-item-zoom-validate-endpoint")
                find(driver, "step-pending")
                shoot(driver, out, f"{lang}-pending{suffix}")
                click(driver, "about-button")
                find(driver, "about-dialog")
                shoot(driver, out, f"{lang}-about{suffix}")
            finally:
                driver.quit()
        finally:
            app.close()


def practice_session(lang: str, out: Path, dark: bool = False) -> None:
    """The practice tenant's Connections page: all four tested, then Zoom with an expired secret."""
    suffix = "-dark" if dark else ""
    with tempfile.TemporaryDirectory(prefix="switchboard-shots-") as root:
        app = App(Path(root), free_port(), lang=LANGS[lang], dark=dark)
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
                path = out / f"{lang}-practice{suffix}.png"
                subprocess.run(["import", "-window", "root", "-crop", "1180x780+0+0", "+repage", str(path)], check=True)
                print(f"wrote {path}")
            finally:
                driver.quit()
        finally:
            app.close()


def shoot_at(driver, out: Path, name: str, test_id: str, block: str = "start") -> None:
    """The window scrolled so that `test_id` is in view."""
    driver.execute_script(f"arguments[0].scrollIntoView({{block: '{block}'}})", find(driver, test_id))
    time.sleep(0.6)
    path = out / f"{name}.png"
    subprocess.run(["import", "-window", "root", "-crop", "1180x780+0+0", "+repage", str(path)], check=True)
    print(f"wrote {path}")


CSV = (
    "\ufeffPrénom;Nom;Téléphone\n"
    "Émilie;Lefèvre;01 42 76 49 78\n"
    "Paul;;01 42 76 49 79\n"
    "太郎;山田;+81 3 1234 5678\n"
    "Zoé;Martin;12\n"
)


def directory_session(lang: str, out: Path, dark: bool = False) -> None:
    """Flow 1's live steps in the practice tenant: a scope check, the address-book import
    preview with refused rows, and the Directory Sync editor's preview on the Zoom users."""
    suffix = "-dark" if dark else ""
    from selenium.webdriver.remote.file_detector import UselessFileDetector

    with tempfile.TemporaryDirectory(prefix="switchboard-shots-") as root:
        app = App(Path(root), free_port(), lang=LANGS[lang], dark=dark)
        csv_file = Path(root) / "contacts.csv"
        csv_file.write_text(CSV, encoding="utf-8")
        try:
            driver = app.launch()
            driver.file_detector = UselessFileDetector()
            try:
                click(driver, "open-practice-button")
                click(driver, "flow-open-zoom-directory-sync")
                retry(driver, lambda d: Select(find(d, "field-sync-purpose")).select_by_value("directory"))
                click(driver, "step-item-zoom-app-create")
                click(driver, "fill-practice-button")
                wait(driver, lambda d: find(d, "secret-state-zoom-client-secret").get_attribute("data-saved") == "true")
                click(driver, "step-item-zoom-app-scopes")
                click(driver, "check-now-button")
                wait(driver, lambda d: find(d, "step-item-zoom-app-scopes").get_attribute("data-status") == "done", 30)
                shoot_at(driver, out, f"{lang}-scopes-verified{suffix}", "live-check", "center")
                click(driver, "step-item-cxone-address-book")
                type_into(driver, "field-cxone-address-book-name", "Zoom directory", Keys.TAB)
                retry(driver, lambda d: Select(find(d, "address-book-region")).select_by_value("FR"))
                retry(driver, lambda d: find(d, "csv-file-input").send_keys(str(csv_file)))
                find(driver, "csv-rejected-5")
                shoot_at(driver, out, f"{lang}-address-book-import{suffix}", "csv-preview")
                click(driver, "csv-add-button")
                click(driver, "plan-button")
                find(driver, "plan-summary")
                shoot_at(driver, out, f"{lang}-address-book-plan{suffix}", "plan-summary", "center")
                click(driver, "step-item-cxone-directory-sync")
                click(driver, "translation-switch")
                click(driver, "directory-preview-button")
                find(driver, "directory-preview-summary", 60)
                shoot_at(driver, out, f"{lang}-directory-editor{suffix}", "attribute-table")
                shoot_at(driver, out, f"{lang}-directory-preview{suffix}", "directory-preview-summary")
            finally:
                driver.quit()
        finally:
            app.close()


def presence_session(lang: str, out: Path, dark: bool = False) -> None:
    """Flow 2's live parts in the practice tenant: the planned statuses checked live, then a
    presence rule with a flip-flop loop: its findings, the simulator and the diagram."""
    suffix = "-dark" if dark else ""
    from test_presence import choose

    with tempfile.TemporaryDirectory(prefix="switchboard-shots-") as root:
        app = App(Path(root), free_port(), lang=LANGS[lang], dark=dark)
        try:
            driver = app.launch()
            try:
                click(driver, "open-practice-button")
                click(driver, "flow-open-cxone-salesforce-presence")
                click(driver, "step-item-sf-presence-statuses")
                for i, label in enumerate(["Back Office", "Pause déjeuner"]):
                    click(driver, "planned-add-button")
                    type_into(driver, f"planned-label-{i}", label, Keys.TAB)
                    choose(driver, f"planned-kind-{i}", "busy")
                click(driver, "check-now-button")
                wait(driver, lambda d: find(d, "step-item-sf-presence-statuses").get_attribute("data-status") == "needs_attention", 40)
                shoot_at(driver, out, f"{lang}-statuses-missing{suffix}", "planned-table")
                click(driver, "step-item-cxone-presence-rule")
                click(driver, "presence-refresh-button")
                find(driver, "presence-catalog-at", 40)
                type_into(driver, "presence-rule-name", "Paris", Keys.TAB)
                for i, (acd, sf) in enumerate([("Lunch", "Lunch"), ("Break", "On_Break")]):
                    click(driver, "presence-add-state-row")
                    choose(driver, f"state-acd-{i}", acd)
                    choose(driver, f"state-salesforce-{i}", sf)
                for i, (sf, acd) in enumerate([("Lunch", "Break"), ("On_Break", "Lunch")]):
                    click(driver, "presence-add-subscriber-row")
                    choose(driver, f"subscriber-salesforce-{i}", sf)
                    choose(driver, f"subscriber-acd-{i}", acd)
                wait(driver, lambda d: d.find_elements(*by_id("presence-subscriber-table")) and
                     "presence.loop" in [f.get_attribute("data-code") for f in d.find_elements(
                         "css selector", '[data-testid^="finding-"][data-code]')], 20)
                shoot_at(driver, out, f"{lang}-presence-tables{suffix}", "presence-states-table")
                choose(driver, "simulator-system", "acd")
                choose(driver, "simulator-state", "Lunch")
                click(driver, "simulator-run")
                find(driver, "simulator-outcome")
                shoot_at(driver, out, f"{lang}-presence-simulator{suffix}", "simulator-steps", "center")
                shoot_at(driver, out, f"{lang}-presence-diagram{suffix}", "presence-diagram-image")
            finally:
                driver.quit()
        finally:
            app.close()


def custom_host_session(lang: str, out: Path, dark: bool = False) -> None:
    """An ordinary profile's Zoom connection pointed at a host that is not Zoom's: Switchboard
    asks before it sends credentials there, then shows the confirmed host on the card."""
    suffix = "-dark" if dark else ""
    with tempfile.TemporaryDirectory(prefix="switchboard-shots-") as root:
        app = App(Path(root), free_port(), lang=LANGS[lang], dark=dark)
        try:
            app.cli("profile", "create", "Acme Corp")
            driver = app.launch()
            try:
                find(driver, "home-view")
                wait(driver, EC.text_to_be_present_in_element(by_id("profile-list"), "Acme Corp"))
                open_profile(driver, "Acme Corp")
                click(driver, "connections-button")
                type_into(driver, "connection-field-zoom-accountId", ACCOUNT_ID, Keys.TAB)
                type_into(driver, "connection-field-zoom-clientId", "xYz98AbCdEfGhIjKlMn", Keys.TAB)
                card = find(driver, "connection-card-zoom")
                card.find_element("css selector", "details summary").click()
                type_into(driver, "connection-field-zoom-tokenBase", "https://proxy.acme.example/zoom", Keys.TAB)
                click(driver, "connection-save-zoom")
                find(driver, "connection-confirm-host-zoom")
                shoot_at(driver, out, f"{lang}-confirm-host{suffix}", "connection-card-zoom")
                confirm = find(driver, "connection-confirm-host-zoom")
                confirm.find_elements("css selector", "button")[0].click()
                find(driver, "connection-custom-host-zoom")
                shoot_at(driver, out, f"{lang}-custom-host{suffix}", "connection-card-zoom")
            finally:
                driver.quit()
        finally:
            app.close()


def recovery_session(lang: str, out: Path, dark: bool = False) -> None:
    """The recovery screen: a damaged database with one backup beside it, then a newer one."""
    suffix = "-dark" if dark else ""
    import os
    import sqlite3

    from test_recovery import place_damaged_database, place_newer_database

    for case in ("damaged", "newer"):
        with tempfile.TemporaryDirectory(prefix="switchboard-shots-") as root:
            app = App(Path(root), free_port(), lang=LANGS[lang], dark=dark)
            try:
                if case == "damaged":
                    place_damaged_database(app)
                    backups = app.data_dir / "backups"
                    backups.mkdir()
                    backup = backups / "switchboard-2026-11-27.sqlite3"
                    with sqlite3.connect(backup) as conn:
                        conn.execute("CREATE TABLE kept (x)")
                    conn.close()
                    os.utime(backup, (1_795_798_800, 1_795_798_800))  # 2026-11-27 17:00 UTC
                else:
                    place_newer_database(app, 99)
                driver = app.launch()
                try:
                    find(driver, "recovery-view")
                    shoot(driver, out, f"{lang}-recovery-{case}{suffix}")
                finally:
                    driver.quit()
            finally:
                app.close()


def data_actions_session(lang: str, out: Path, dark: bool = False) -> None:
    """Flow 3's data-actions editor in the practice tenant: a Web services and an AWS Lambda
    integration planned and applied (both Active), then the org's integrations."""
    suffix = "-dark" if dark else ""
    from test_app import go_to

    with tempfile.TemporaryDirectory(prefix="switchboard-shots-") as root:
        app = App(Path(root), free_port(), lang=LANGS[lang], dark=dark)
        try:
            driver = app.launch()
            try:
                click(driver, "open-practice-button")
                find(driver, "practice-banner")
                click(driver, "flow-open-genesys-data-actions")
                find(driver, "flow-view")
                go_to(driver, "data-actions")
                wait(driver, lambda d: "50" in find(d, "da-kind-web-services").text, 30)
                click(driver, "da-add-web-services")
                type_into(driver, "da-field-0-userName", "svc-genesys", Keys.TAB)
                type_into(driver, "da-field-0-password", "practice-Pa55word", Keys.ENTER)
                wait(driver, lambda d: find(d, "da-secret-state-0-password").get_attribute("data-saved") == "true")
                click(driver, "da-add-aws-lambda")
                type_into(driver, "da-field-1-ARN", "arn:aws:iam::123456789012:role/genesys-data-actions", Keys.TAB)
                click(driver, "da-review-button")
                wait(driver, lambda d: find(d, "da-preview").get_attribute("data-ready") == "true", 30)
                click(driver, "da-apply-button")
                wait(driver, lambda d: find(d, "da-apply-result").get_attribute("data-state") == "done", 120)
                find(driver, "da-managed-state-" + find(driver, "da-managed").find_element(
                    "css selector", '[data-testid^="da-managed-row-"]').get_attribute("data-testid").removeprefix("da-managed-row-"))
                shoot_at(driver, out, f"{lang}-data-actions-plan{suffix}", "da-kinds")
                shoot_at(driver, out, f"{lang}-data-actions-aws{suffix}", "da-item-1")
                shoot_at(driver, out, f"{lang}-data-actions-result{suffix}", "da-apply-result", "center")
            finally:
                driver.quit()
        finally:
            app.close()


def zcc_session(lang: str, out: Path, dark: bool = False) -> None:
    """Flow 4 in the practice tenant: country codes named in the window's language, the
    Omni-Channel status map read live with two rows, its findings and checklist, the call center
    deployed through the Metadata API, and the agents' three-place table after "Fix all ✗" (the
    refused row named)."""
    suffix = "-dark" if dark else ""
    from test_app import go_to
    from test_presence import choose

    with tempfile.TemporaryDirectory(prefix="switchboard-shots-") as root:
        app = App(Path(root), free_port(), lang=LANGS[lang], dark=dark)
        try:
            driver = app.launch()
            try:
                click(driver, "open-practice-button")
                find(driver, "practice-banner")
                click(driver, "flow-open-zoom-contact-center-salesforce")
                find(driver, "flow-view")
                go_to(driver, "sf-zoom-settings-country-codes")
                for code, test_id in (("0033", "country-code-33"), ("JP", "country-code-81"), ("+44", "country-code-44")):
                    type_into(driver, "country-code-input", code, Keys.ENTER)
                    find(driver, test_id)
                type_into(driver, "country-code-input", "+800", Keys.ENTER)
                find(driver, "country-code-error")
                shoot_at(driver, out, f"{lang}-zcc-country-codes{suffix}", "country-codes", "center")
                go_to(driver, "sf-omni-channel-status-sync")
                click(driver, "status-map-read")
                wait(driver, lambda d: find(d, "status-map-salesforce-0").get_attribute("value") == "On_Call", 40)
                click(driver, "status-map-add-row")
                choose(driver, "status-map-zoom-1", "Ready")
                choose(driver, "status-map-salesforce-1", "Available")
                time.sleep(0.5)
                shoot_at(driver, out, f"{lang}-zcc-status-map{suffix}", "status-map-editor")
                go_to(driver, "sf-import-call-center")
                click(driver, "zcc-call-center-deploy-standard")
                wait(driver, lambda d: find(d, "zcc-call-center-result-standard").get_attribute("data-state")
                     in ("deployed", "unchanged"), 120)
                shoot_at(driver, out, f"{lang}-zcc-call-center{suffix}", "zcc-call-center-result-standard", "center")
                go_to(driver, "sf-assign-permission-sets")
                wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, '[data-testid^="zcc-agent-row-"]'), 60)
                click(driver, "zcc-agents-fix-all")
                wait(driver, lambda d: find(d, "zcc-agents-result").get_attribute("data-state") == "done", 120)
                shoot_at(driver, out, f"{lang}-zcc-agents{suffix}", "zcc-agents")
            finally:
                driver.quit()
        finally:
            app.close()


def review_session(lang: str, out: Path, dark: bool = False) -> None:
    """Flow 5 in the practice tenant after an AWS Lambda integration was applied in flow 3: the
    Review screen (connections, flows, objects, reminders), the Export panel after a save, and
    the exported HTML report itself, opened in the same WebKit."""
    suffix = "-dark" if dark else ""
    import os

    from selenium.webdriver.common.by import By
    from test_app import go_to
    from test_review import apply_a_lambda_integration

    with tempfile.TemporaryDirectory(prefix="switchboard-shots-") as root:
        saved = Path(root) / "saved"
        saved.mkdir()
        os.environ["SWITCHBOARD_SAVE_DIR"] = str(saved)
        try:
            app = App(Path(root), free_port(), lang=LANGS[lang], dark=dark)
        finally:
            del os.environ["SWITCHBOARD_SAVE_DIR"]
        try:
            driver = app.launch()
            try:
                click(driver, "open-practice-button")
                find(driver, "practice-banner")
                integration_id = apply_a_lambda_integration(driver)
                click(driver, "back-to-profile-button")
                click(driver, "flow-open-review-report")
                find(driver, "flow-view")
                go_to(driver, "review-setup")
                wait(driver, lambda d: integration_id in find(d, "review-object-integration").text, 30)
                shoot_at(driver, out, f"{lang}-review{suffix}", "review-panel")
                shoot_at(driver, out, f"{lang}-review-objects{suffix}", "review-objects")
                go_to(driver, "handover")
                click(driver, "report-save")
                wait(driver, lambda d: find(d, "report-saved-path").text.endswith(".html"), 30)
                shoot_at(driver, out, f"{lang}-report-export{suffix}", "report-export", "center")
                report = Path(find(driver, "report-saved-path").text)
                driver.get(report.as_uri())
                wait(driver, lambda d: d.find_elements(By.TAG_NAME, "h2"))
                shoot(driver, out, f"{lang}-report-html{suffix}")
            finally:
                driver.quit()
        finally:
            app.close()


def handover_session(lang: str, out: Path, dark: bool = False) -> None:
    """Profiles that travel: a customer profile exported, imported again as a copy (the result
    asks for its secrets), and its journal."""
    suffix = "-dark" if dark else ""
    from selenium.webdriver.remote.file_detector import UselessFileDetector
    from test_app import open_profile

    with tempfile.TemporaryDirectory(prefix="switchboard-shots-") as root:
        downloads = Path(root) / "downloads"
        downloads.mkdir()
        config = Path(root) / "xdg_config_home"
        config.mkdir(parents=True, exist_ok=True)
        (config / "user-dirs.dirs").write_text(f'XDG_DOWNLOAD_DIR="{downloads}"\n')
        app = App(Path(root), free_port(), lang=LANGS[lang], dark=dark)
        try:
            app.cli("profile", "create", "Acme Corp")
            driver = app.launch()
            try:
                open_profile(driver, "Acme Corp")
                click(driver, "connections-button")
                type_into(driver, "connection-field-genesys-clientId", "5b5c1c39-0000-4000-8000-000000000001", Keys.TAB)
                click(driver, "connection-save-genesys")
                wait(driver, lambda d: find(d, "connection-status-genesys").text != "")
                type_into(driver, "secret-genesys-client-secret", "shots-secret", Keys.ENTER)
                wait(driver, lambda d: find(d, "connection-secret-genesys-client-secret").get_attribute("data-saved") == "true")
                click(driver, "back-from-connections-button")
                click(driver, "profile-export-button")
                find(driver, "profile-exported")
                exported = next(downloads.glob("profile-acme-corp-*.json"))
                click(driver, "home-button")
                click(driver, "profile-import-button")
                find(driver, "profile-import-dialog")
                driver.file_detector = UselessFileDetector()
                find(driver, "profile-import-input").send_keys(str(exported))
                find(driver, "profile-import-summary")
                time.sleep(0.5)
                shoot_at(driver, out, f"{lang}-profile-import{suffix}", "profile-import-dialog", "center")
                click(driver, "profile-import-confirm")
                find(driver, "profile-import-result")
                time.sleep(0.5)
                shoot_at(driver, out, f"{lang}-profile-imported{suffix}", "profile-import-result", "center")
                click(driver, "profile-import-open")
                click(driver, "journal-button")
                find(driver, "journal-table")
                time.sleep(0.5)
                shoot_at(driver, out, f"{lang}-journal{suffix}", "journal-view")
            finally:
                driver.quit()
        finally:
            app.close()


def guide_session(lang: str, out: Path, dark: bool = False) -> None:
    """A first run: the empty Home with its overview picture, the flow asking its purpose, the
    finished flow's summary, then Home with "Continue" on the profile."""
    suffix = "-dark" if dark else ""
    from test_first_run import go_through_the_presence_steps

    with tempfile.TemporaryDirectory(prefix="switchboard-shots-") as root:
        app = App(Path(root), free_port(), lang=LANGS[lang], dark=dark)
        try:
            app.cli("profile", "create", CUSTOMERS[1])
            driver = app.launch()
            try:
                find(driver, "home-view")
                shoot_at(driver, out, f"{lang}-home-profiles{suffix}", "profile-list", "center")
                row = find(driver, "profile-list").find_element("css selector", '[data-testid^="profile-delete-"]')
                retry(driver, lambda d: row.click())
                click(driver, "delete-confirm-button")
                find(driver, "home-welcome")
                shoot_at(driver, out, f"{lang}-home-empty{suffix}", "home-welcome")
                click(driver, "welcome-practice-button")
                find(driver, "practice-banner")
                click(driver, "flow-open-zoom-directory-sync")
                find(driver, "choice-card")
                shoot(driver, out, f"{lang}-flow-choice{suffix}")
                click(driver, "choice-sync-purpose-presence")
                find(driver, "choice-summary")
                go_through_the_presence_steps(driver)
                find(driver, "flow-finished")
                shoot(driver, out, f"{lang}-flow-finished{suffix}")
                click(driver, "home-button")
                find(driver, "home-view")
                find(driver, "profile-list")
                time.sleep(1)
                shoot_at(driver, out, f"{lang}-home-continue{suffix}", "profile-list", "center")
            finally:
                driver.quit()
        finally:
            app.close()


# Each session by its SHOTS name, in the order a full run takes them.
SESSIONS = {
    "guide": guide_session,
    "presence": presence_session,
    "directory": directory_session,
    "main": session,
    "practice": practice_session,
    "connections": custom_host_session,
    "recovery": recovery_session,
    "data-actions": data_actions_session,
    "zcc": zcc_session,
    "review": review_session,
    "handover": handover_session,
}


def main() -> None:
    """SHOTS=name[,name] limits the run to those sessions; SHOTS_THEMES=light or dark to one theme.
    Every session is shot in EN / FR / JA, light and dark."""
    import os

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    names = os.environ.get("SHOTS", "").split(",") if os.environ.get("SHOTS") else list(SESSIONS)
    themes = os.environ.get("SHOTS_THEMES", "light,dark").split(",")
    unknown = [n for n in names if n not in SESSIONS] + [t for t in themes if t not in ("light", "dark")]
    if unknown:
        sys.exit(f"unknown session or theme: {unknown}; sessions: {', '.join(SESSIONS)}")
    for name in names:
        for theme in themes:
            for lang in LANGS:
                SESSIONS[name](lang, out, dark=theme == "dark")


if __name__ == "__main__":
    main()
