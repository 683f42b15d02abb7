"""A database that cannot be opened never takes the app down: a damaged file and a file from a
newer Switchboard each open the recovery screen, which says what happened; a fresh start sets the
damaged file aside (kept, never deleted) and continues into the normal app without a restart."""

import os
import socket
import sqlite3
import tempfile
from pathlib import Path

import pytest
from selenium.webdriver.support import expected_conditions as EC

from conftest import App, attribute, by_id, click, find, text_of, type_into, wait

DAMAGED = bytes((i * 2654435761 >> 13) & 0xFF for i in range(8192))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def place_damaged_database(app: App) -> Path:
    """A file of random bytes where the database belongs."""
    app.data_dir.mkdir(parents=True, exist_ok=True)
    path = app.data_dir / "switchboard.sqlite3"
    path.write_bytes(DAMAGED)
    return path


def place_newer_database(app: App, version: int = 999) -> Path:
    """A valid SQLite file whose schema version no migration of this build knows."""
    app.data_dir.mkdir(parents=True, exist_ok=True)
    path = app.data_dir / "switchboard.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE future (x)")
        conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    return path


@pytest.fixture
def fresh_app():
    with tempfile.TemporaryDirectory(prefix="switchboard-recovery-") as root:
        instance = App(Path(root), free_port())
        try:
            yield instance
        finally:
            instance.close()


def test_a_damaged_database_opens_the_recovery_screen_and_a_fresh_start_keeps_the_file(fresh_app):
    place_damaged_database(fresh_app)
    driver = fresh_app.launch()
    try:
        screen = find(driver, "recovery-view")
        assert attribute(driver, "recovery-view", "data-code") == "database_corrupt"
        assert "damaged" in find(driver, "recovery-explanation").text
        assert str(fresh_app.data_dir) in text_of(driver, "recovery-data-dir")
        assert "No backup was found" in text_of(driver, "recovery-no-backups")
        assert not driver.find_elements(*by_id("home-view")), "the wizard is not shown"
        assert screen.is_displayed()

        click(driver, "recovery-fresh-button")
        find(driver, "home-view")
        done = text_of(driver, "recovery-done")
        assert ".damaged.sqlite3" in done, done
        # The normal app works on the new database: a profile can be created.
        type_into(driver, "profile-name-input", "After recovery")
        click(driver, "profile-create-button")
        wait(driver, EC.text_to_be_present_in_element(by_id("profile-list"), "After recovery"))
    finally:
        driver.quit()

    kept = sorted(fresh_app.data_dir.glob("switchboard.*.damaged.sqlite3"))
    assert len(kept) == 1, os.listdir(fresh_app.data_dir)
    assert kept[0].read_bytes() == DAMAGED, "the damaged file is kept byte for byte"
    assert kept[0].name in done
    with sqlite3.connect(fresh_app.data_dir / "switchboard.sqlite3") as conn:
        names = [row[0] for row in conn.execute("SELECT name FROM profiles")]
    assert names == ["After recovery"]


def test_a_database_from_a_newer_switchboard_is_explained_and_never_offered_for_replacement(fresh_app):
    path = place_newer_database(fresh_app)
    before = path.read_bytes()
    driver = fresh_app.launch()
    try:
        find(driver, "recovery-view")
        assert attribute(driver, "recovery-view", "data-code") == "database_newer"
        explanation = text_of(driver, "recovery-explanation")
        assert "newer version of Switchboard" in explanation, explanation
        assert "version 999" in explanation and "up to version" in explanation, explanation
        assert not driver.find_elements(*by_id("recovery-fresh-button"))
        assert not driver.find_elements(*by_id("recovery-restore-button"))
        find(driver, "recovery-retry-button")
        find(driver, "recovery-folder-button")
        find(driver, "recovery-quit-button")

        click(driver, "recovery-retry-button")
        wait(driver, lambda d: "still does not open" in find(d, "recovery-status").get_attribute("textContent"))
        find(driver, "recovery-view")
    finally:
        driver.quit()
    assert path.read_bytes() == before, "the newer file is left exactly as it was"
