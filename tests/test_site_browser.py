"""The built site, opened page by page in headless Chromium (Debian's package, driven by its own
chromedriver given by path: no browser or driver is ever downloaded).

Fails on a broken internal link, a missing image, an image without real alt text, a JavaScript
error, a request to any host but the local server, or a critical axe-core finding. Saves
screenshots of the landing page and one chart page under build/screenshots/.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

from tests.conftest import ROOT

SITE = ROOT / "build" / "site" / "html"
NODE = ROOT / "build" / "node"
SHOTS = ROOT / "build" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")


def _newest_input() -> float:
    watched = [*(ROOT / "notebooks").glob("*.ipynb"), *(ROOT / "site").rglob("*"), *(ROOT / "data").glob("*"),
               ROOT / "docs" / "teaching_guide.md", ROOT / "docs" / "publishing.md",
               ROOT / "scripts" / "build_site.py", ROOT / "scripts" / "site_pages.py"]
    return max(p.stat().st_mtime for p in watched if p.is_file())


def _ensure_chromium() -> None:
    if CHROMIUM.exists() and DRIVER.exists():
        return
    if shutil.which("apt-get") is None or not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() != 0:
        pytest.skip("chromium and chromedriver are absent and cannot be installed here (no apt-get as root)")
    subprocess.run(["apt-get", "install", "-y", "chromium", "chromium-driver"], check=False, capture_output=True)
    if not (CHROMIUM.exists() and DRIVER.exists()):
        pytest.skip("chromium and chromedriver are absent and apt-get could not install them")


def _axe() -> str:
    script = NODE / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        NODE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-save", "--no-audit", "--no-fund", "axe-core@4"],
                       cwd=NODE, check=True, capture_output=True, timeout=180)
    return script.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site() -> Path:
    index = SITE / "index.html"
    if not index.exists() or index.stat().st_mtime < _newest_input():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py")], check=True)
    return SITE


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                                "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(base, timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def driver(server: str):  # type: ignore[no-untyped-def]
    _ensure_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    browser = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    yield browser
    browser.quit()


def _pages(site: Path) -> list[str]:
    skip = {"genindex.html", "search.html"}
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.name not in skip and "_static" not in p.parts and p.name != "print.html")


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_every_page_in_the_browser(site: Path, server: str, driver) -> None:  # type: ignore[no-untyped-def]
    axe = _axe()
    problems: list[str] = []
    checked_links: dict[str, int] = {}
    local = urlparse(server).netloc
    pages = _pages(site)
    assert "index.html" in pages and any(p.startswith("reading/") for p in pages)
    chart_page = None
    for page in pages:
        url = urljoin(server, page)
        driver.get_log("performance")
        driver.get(url)
        for entry in driver.get_log("browser"):
            if entry["level"] == "SEVERE":
                problems.append(f"{page}: JavaScript error: {entry['message']}")
        if not driver.execute_script("return document.querySelectorAll('.how-to-cite').length;"):
            problems.append(f"{page}: no 'how to cite' block")
        images = driver.execute_script(
            "return Array.from(document.images).map(i => [i.getAttribute('src'), i.getAttribute('alt'),"
            " i.complete && i.naturalWidth > 0]);")
        for src, alt, loaded in images:
            if not loaded:
                problems.append(f"{page}: image {src} does not load")
            if not alt or not alt.strip() or alt.strip() == src or alt.strip().endswith(".png"):
                problems.append(f"{page}: image {src} has no alt text (alt={alt!r})")
        if images and page.startswith("reading/") and chart_page is None:
            chart_page = page
        links = driver.execute_script("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);")
        for link in links:
            target, _fragment = urldefrag(link)
            if urlparse(target).netloc != local or not target:
                continue
            if target not in checked_links:
                checked_links[target] = _status(target)
            if checked_links[target] != 200:
                problems.append(f"{page}: broken link {link} ({checked_links[target]})")
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                requested = message["params"]["request"]["url"]
                if urlparse(requested).scheme in ("http", "https", "ws", "wss") and urlparse(requested).netloc != local:
                    problems.append(f"{page}: request to another host: {requested}")
        driver.execute_script(axe)
        result = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
            "v => [v.id, v.impact, v.help, v.nodes.length])));")
        for rule, impact, help_text, count in result:
            if impact == "critical":
                problems.append(f"{page}: axe critical: {rule} ({help_text}) on {count} element(s)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.get(urljoin(server, "index.html"))
    driver.save_screenshot(str(SHOTS / "landing.png"))
    assert chart_page is not None, "no reading-edition page shows a chart"
    driver.get(urljoin(server, chart_page))
    driver.execute_script("document.images[0].scrollIntoView();")
    driver.save_screenshot(str(SHOTS / "chart-page.png"))
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:60])


def test_reading_edition_pdf_holds_every_notebook(site: Path) -> None:
    """Print the reading edition with headless Chromium; the print page holds every notebook's
    article and the PDF has at least one page per notebook."""
    import re

    _ensure_chromium()
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_site
    import site_pages

    notebooks = build_site.notebooks()
    pdf = build_site.pdf(notebooks)
    page = (site / "reading" / "print.html").read_text(encoding="utf-8")
    for path in notebooks:
        title = site_pages.notebook_title(site_pages.read_notebook(path))
        words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
        assert title.split(":")[0].replace("’", "'") in words.replace("’", "'"), f"{path.name} is not in the PDF"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= len(notebooks)
