"""Fixtures for end-to-end tests of the real app: a private data folder per test module, a
tauri-driver process, and WebDriver sessions that launch the built Switchboard binary."""

import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
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

    def __init__(self, root: Path, port: int):
        self.root = root
        self.env = dict(os.environ)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            path = root / name.lower()
            path.mkdir(parents=True, exist_ok=True)
            self.env[name] = str(path)
        self.env["LANG"] = "en_US.UTF-8"
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
        driver = webdriver.Remote(
            command_executor=f"http://127.0.0.1:{self.port}",
            options=TauriOptions(str(Path(APP).resolve())),
        )
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
    return WebDriverWait(driver, timeout).until(condition)


def find(driver, test_id: str, timeout: float = 20):
    return wait(driver, EC.visibility_of_element_located(by_id(test_id)), timeout)


def click(driver, test_id: str, timeout: float = 20):
    element = wait(driver, EC.element_to_be_clickable(by_id(test_id)), timeout)
    element.click()
    return element
