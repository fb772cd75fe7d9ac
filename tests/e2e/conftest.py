"""Fixtures for the browser tests: a demo server and a Chromium browser."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).parent / "screenshots"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: end-to-end test in a real browser against a server")


@dataclass
class Server:
    base_url: str
    email: str
    password: str


@dataclass
class Journey:
    """What one test leaves for the next (the tests run in file order)."""

    job_key: str = ""
    job_name: str = ""
    candidate_name: str = ""
    link: str = ""
    finished: bool = False
    notes: list[str] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    command = Path(sys.executable).parent / "servicefit"
    if not command.exists():
        pytest.fail(f"console script {command} not found; install the package in the venv")
    data = tmp_path_factory.mktemp("e2e-data")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = dict(os.environ, SERVICEFIT_DATA_DIR=str(data), SERVICEFIT_BASE_URL=base_url)
    env.pop("SERVICEFIT_DATABASE_URL", None)
    demo = subprocess.run(
        [str(command), "demo"], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if demo.returncode != 0:
        pytest.fail(f"servicefit demo failed ({demo.returncode}):\n{demo.stdout}\n{demo.stderr}")
    email = re.search(r"e-mail:\s+(\S+)", demo.stdout)
    password = re.search(r"password:\s+(\S+)", demo.stdout)
    if email is None or password is None:
        pytest.fail(f"no first login in the demo output:\n{demo.stdout}")
    log = (data / "serve.log").open("w")
    process = subprocess.Popen(
        [str(command), "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"server exited: {(data / 'serve.log').read_text()}")
            try:
                if httpx.get(f"{base_url}/login", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"server did not answer in 60 s: {(data / 'serve.log').read_text()}")
            time.sleep(0.3)
        yield Server(base_url, email.group(1), password.group(1))
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package")
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture(scope="session")
def journey() -> Journey:
    return Journey()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
