"""JupyterLab as a reader meets it: started by the project's settings, driven in Chromium.

The server runs from this environment on a free port of 127.0.0.1, with a token, over a
temporary copy of the repository. Each notebook is opened in headless Chromium (Debian's
chromium and chromium-driver; Selenium is given the driver's path, so nothing downloads a
browser), run with Run > Run All Cells until the kernel is idle, and checked: every chart
the stored notebook has is drawn, no output is an error or a warning, the page logs no
JavaScript error, and saving it changes nothing in the file. A screenshot of each notebook
is written to build/screenshots/lab/.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "jupyter"))
from reproducible import matplotlib_defaults  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOTS = ROOT / "build" / "screenshots" / "lab"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
TOKEN = "memo-utils-browser-test-" + os.urandom(8).hex()
COPIED = ["notebooks", "data", "docs", "README.md"]
# JupyterLab's own console message when a kernel changes while the debugger panel restores
# its state at page load (seen once on Python 3.12 with the "Select Kernel" dialog); it is
# about the debugger's sidebar, not the notebook, and is the only one let through.
BENIGN = ("Could not restore the debugger state:",)

if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(
        "Debian's chromium and chromium-driver are not installed "
        "(as root: apt-get install chromium chromium-driver; .ci/run does this)",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _status(base: str, token: str | None) -> int:
    url = f"{base}/api/status" + (f"?token={token}" if token else "")
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def _stored_charts(nb: dict) -> int:
    return sum("image/png" in out.get("data", {})
               for cell in nb["cells"] if cell["cell_type"] == "code" for out in cell["outputs"])


def _code_cells(nb: dict) -> int:
    return sum(cell["cell_type"] == "code" and bool("".join(cell["source"]).strip())
               for cell in nb["cells"])


@pytest.fixture(scope="module")
def repo_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("repo")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        else:
            shutil.copy2(source, copy / name)
    return copy


@pytest.fixture(scope="module")
def lab(repo_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A JupyterLab server on the copy; yields its base URL and stops it by its process id."""
    home = tmp_path_factory.mktemp("lab-home")
    settings = home / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # Every cell in the DOM, so that the test sees every output, not only those in view.
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    env = matplotlib_defaults(os.environ)
    env.update(JUPYTER_CONFIG_PATH=str(ROOT / "jupyter"), JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"), JUPYTER_RUNTIME_DIR=str(home / "runtime"),
               MEMO_UTILS_DATA=str(repo_copy / "data"))
    port = _free_port()
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={repo_copy}"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = (home / "server.log").open("w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while not _answers(base):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not start:\n{(home / 'server.log').read_text()}")
            time.sleep(0.5)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def _answers(base: str) -> bool:
    try:
        return _status(base, TOKEN) == 200
    except (urllib.error.URLError, ConnectionError):
        return False


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--window-size=1400,1000",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=str(CHROMEDRIVER))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def test_the_server_refuses_a_request_without_the_token(lab: str) -> None:
    assert _status(lab, None) == 403
    assert _status(lab, TOKEN) == 200


def _wait(condition, seconds: float, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = condition()
        except WebDriverException:
            value = None
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")


def _accept_kernel_dialog(driver: webdriver.Chrome) -> None:
    """Accept the "Select Kernel" dialog that can appear while the server is still starting kernels."""
    for button in driver.find_elements(By.CSS_SELECTOR, ".jp-Dialog .jp-mod-accept"):
        if button.is_displayed():
            button.click()


def _kernel_idle(driver: webdriver.Chrome) -> bool:
    _accept_kernel_dialog(driver)
    indicator = driver.find_elements(By.CSS_SELECTOR, ".jp-NotebookPanel:not(.lm-mod-hidden) "
                                                      ".jp-Notebook-ExecutionIndicator")
    return bool(indicator) and indicator[0].get_attribute("data-status") == "idle"


def _server_kernels_idle(base: str) -> bool:
    """Whether the server reports every running kernel idle. The page's execution indicator
    has been seen to stay "busy" after the last cell finished under load; the server's own
    state is the second witness."""
    request = urllib.request.Request(f"{base}/api/kernels?token={TOKEN}")
    with urllib.request.urlopen(request, timeout=10) as response:
        kernels = json.load(response)
    return bool(kernels) and all(kernel.get("execution_state") == "idle" for kernel in kernels)


def _click_run_all(driver: webdriver.Chrome) -> None:
    menu = next(item for item in driver.find_elements(By.CSS_SELECTOR, ".lm-MenuBar-item")
                if item.text.strip() == "Run")
    menu.click()
    _wait(lambda: driver.find_element(By.CSS_SELECTOR, '.lm-Menu-item[data-command="runmenu:run-all"]'),
          10, "Run All Cells in the Run menu").click()


def _run_all(driver: webdriver.Chrome) -> None:
    """Click Run > Run All Cells until the first cell starts (a click can land before the kernel is ready)."""
    for _ in range(4):
        _accept_kernel_dialog(driver)
        _click_run_all(driver)
        try:
            _wait(lambda: any(p.strip() not in ("[ ]:", "") for p in _prompts(driver)), 15, "a cell to start")
            return
        except AssertionError:
            driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    raise AssertionError("Run All Cells started no cell in four tries")


def _prompts(driver: webdriver.Chrome) -> list[str]:
    return [p.text for p in driver.find_elements(By.CSS_SELECTOR, ".jp-CodeCell .jp-InputArea-prompt")]


def _shut_down_sessions(base: str) -> None:
    request = urllib.request.Request(f"{base}/api/sessions?token={TOKEN}")
    with urllib.request.urlopen(request, timeout=10) as response:
        sessions = json.load(response)
    for session in sessions:
        urllib.request.urlopen(urllib.request.Request(
            f"{base}/api/sessions/{session['id']}?token={TOKEN}", method="DELETE"), timeout=10)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab(name: str, lab: str, browser: webdriver.Chrome, repo_copy: Path) -> None:
    path = repo_copy / "notebooks" / name
    stored_bytes = path.read_bytes()
    stored = json.loads(stored_bytes)
    browser.get_log("browser")
    browser.get(f"{lab}/lab/tree/notebooks/{name}?reset&token={TOKEN}")
    _wait(lambda: browser.find_elements(By.CSS_SELECTOR, ".jp-NotebookPanel .jp-Cell"), 90, "the notebook to open")
    _wait(lambda: _kernel_idle(browser), 90, "the kernel to start")

    started = time.monotonic()
    _run_all(browser)
    code_cells = _code_cells(stored)
    _wait(lambda: (_kernel_idle(browser) or _server_kernels_idle(lab))
          and sum(p.strip() not in ("[ ]:", "") and "*" not in p for p in _prompts(browser)) >= code_cells,
          float(os.environ.get("LAB_RUN_SECONDS", 300)), f"all {code_cells} code cells of {name} to run"
          + f": prompts {_prompts(browser)}")
    elapsed = time.monotonic() - started

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / f"{Path(name).stem}.png"))
    images = browser.find_elements(By.CSS_SELECTOR, ".jp-OutputArea-output img")
    errors = browser.find_elements(By.CSS_SELECTOR, '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    severe = [entry["message"] for entry in browser.get_log("browser")
              if entry["level"] == "SEVERE" and not any(text in entry["message"] for text in BENIGN)]

    browser.find_element(By.CSS_SELECTOR, ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").click()
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.CONTROL, "s")
    _wait(lambda: not browser.find_elements(By.CSS_SELECTOR, ".jp-NotebookPanel-toolbar .jp-mod-dirty, "
                                                             ".lm-TabBar-tab.jp-mod-dirty"), 30, "the save")
    time.sleep(1)
    saved_bytes = path.read_bytes()
    if os.environ.get("LAB_KEEP_SAVED"):
        Path(os.environ["LAB_KEEP_SAVED"]).write_bytes(saved_bytes)
    _shut_down_sessions(lab)

    print(f"{name}: Run All to idle in {elapsed:.1f} s")
    assert len(images) == _stored_charts(stored), f"{name}: {len(images)} charts drawn, {_stored_charts(stored)} stored"
    assert not errors, f"{name}: an output is an error or a warning: {errors[0].text[:300]}"
    assert not severe, f"{name}: the page logged JavaScript errors: {severe[:3]}"
    assert saved_bytes == stored_bytes, f"{name}: running and saving in JupyterLab changed the file"
