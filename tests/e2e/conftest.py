"""Fixtures for end-to-end tests of the real app: a private data folder per test module, a
tauri-driver process, and WebDriver sessions that launch the built Switchboard binary."""

import http.client
import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import urllib3
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

APP = os.environ.get("SWITCHBOARD_APP", "target/debug/switchboard")
CLI = os.environ.get("SWITCHBOARD_CLI", "target/debug/switchboard-cli")
DEV_IDENTIFIER = "app.switchboard.desktop.dev"


class TauriOptions(ArgOptions):
    """Selenium's generic options carry browser defaults tauri-driver refuses; send only ours."""

    def __init__(self, application: str):
        super().__init__()
        self.application = application

    @property
    def default_capabilities(self):
        return {}

    def to_capabilities(self):
        return {"browserName": "wry", "tauri:options": {"application": self.application}}


def _wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"tauri-driver did not open port {port}")


class App:
    """One isolated installation: its own data folder, its own tauri-driver."""

    def __init__(
        self,
        root: Path,
        port: int,
        lang: str = "en_US.UTF-8",
        dark: bool = False,
        keychain: bool = True,
    ):
        self.root = root
        self.env = dict(os.environ)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            path = root / name.lower()
            path.mkdir(parents=True, exist_ok=True)
            self.env[name] = str(path)
        # The app's first language is the OS one; tests pin it, screenshots vary it.
        self.env["LANG"] = lang
        self.env.pop("LC_ALL", None)
        self.env.pop("LC_MESSAGES", None)
        if dark:
            self.env["GTK_THEME"] = "Adwaita:dark"
        if not keychain:
            # Like a minimal Linux desktop with no Secret Service on the session bus.
            self.env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self.data_dir = Path(self.env["XDG_DATA_HOME"]) / DEV_IDENTIFIER
        self.port = port
        self.driver_process = subprocess.Popen(
            ["tauri-driver", "--port", str(port), "--native-port", str(port + 1)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for_port(port)

    def launch(self) -> webdriver.Remote:
        # On a loaded machine WebKitWebDriver can drop the very first session request while it
        # starts; a second try is what a person relaunching the app would do.
        for attempt in range(3):
            try:
                driver = webdriver.Remote(
                    command_executor=f"http://127.0.0.1:{self.port}",
                    options=TauriOptions(str(Path(APP).resolve())),
                )
                break
            except (ConnectionError, http.client.HTTPException, urllib3.exceptions.HTTPError):
                if attempt == 2:
                    raise
                time.sleep(2)
        driver.implicitly_wait(0)
        return driver

    def cli(self, *args: str) -> str:
        out = subprocess.run(
            [CLI, "--data-dir", str(self.data_dir), *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout

    def close(self) -> None:
        self.driver_process.terminate()
        self.driver_process.wait(timeout=10)


@pytest.fixture(scope="module")
def app():
    with tempfile.TemporaryDirectory(prefix="switchboard-e2e-") as root:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        instance = App(Path(root), port)
        try:
            yield instance
        finally:
            instance.close()


def by_id(test_id: str):
    return (By.CSS_SELECTOR, f'[data-testid="{test_id}"]')


def wait(driver, condition, timeout: float = 20):
    """Waits for a condition, looking again when Svelte replaced an element mid-check."""
    from selenium.common.exceptions import StaleElementReferenceException

    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(condition)


def find(driver, test_id: str, timeout: float = 20):
    return wait(driver, EC.visibility_of_element_located(by_id(test_id)), timeout)


def retry(driver, action, timeout: float = 20):
    """Runs `action` until it succeeds: Svelte may replace an element between find and use."""
    from selenium.common.exceptions import (
        ElementClickInterceptedException,
        ElementNotInteractableException,
        NoSuchElementException,
        StaleElementReferenceException,
    )

    transient = (
        StaleElementReferenceException,
        NoSuchElementException,
        ElementNotInteractableException,
        ElementClickInterceptedException,
    )
    return WebDriverWait(driver, timeout, ignored_exceptions=transient).until(
        lambda d: action(d) or True
    )


def click(driver, test_id: str, timeout: float = 20):
    def scroll_and_click(d):
        # Items in a scrolled list (the step list) count as hidden until scrolled into view.
        element = wait(d, EC.presence_of_element_located(by_id(test_id)), timeout)
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        wait(d, EC.element_to_be_clickable(by_id(test_id)), timeout).click()

    retry(driver, scroll_and_click, timeout)


def type_into(driver, test_id: str, text: str, *then: str) -> None:
    """Types into an input, then presses keys such as TAB (commit on blur) or ENTER."""
    retry(driver, lambda d: find(d, test_id).send_keys(text, *then))


def text_of(driver, test_id: str) -> str:
    return retry(driver, lambda d: find(d, test_id).text) and find(driver, test_id).text


def attribute(driver, test_id: str, name: str):
    found = {}
    retry(driver, lambda d: found.__setitem__("v", find(d, test_id).get_attribute(name)))
    return found["v"]
