"""``reportgen preview`` in a real browser: Debian's chromium driven by Selenium through
chromedriver (.ci/run installs chromium and chromium-driver; elsewhere these tests skip with
that reason). The command runs as a user runs it, a subprocess on a temporary project."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
needs_browser = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="needs chromium and chromedriver: apt install chromium chromium-driver",
)
URL = re.compile(r"http://127\.0\.0\.1:(\d+)/")


class Server:
    def __init__(self, process: subprocess.Popen[str], url: str):
        self.process = process
        self.url = url
        self.port = int(URL.search(url).group(1))  # type: ignore[union-attr]

    def status(self, path: str) -> int:
        """The status of a GET of ``path`` sent as it is (no client-side normalising)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        connection.putrequest("GET", path, skip_host=False, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        response.read()
        connection.close()
        return response.status


def start(command: list[str], project: Path, *options: str) -> Server:
    process = subprocess.Popen(
        [*command, "preview", "2022", "--no-open", "--project", str(project), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=project,  # as a user runs it: file names shown relative to the project
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    found = URL.search(line)
    if found is None:
        process.kill()
        raise AssertionError(f"no address printed: {line!r} {process.stderr.read()!r}")  # type: ignore[union-attr]
    return Server(process, found.group(0))


@pytest.fixture
def server(reportgen_cmd: list[str], project: Path) -> Iterator[Server]:
    running = start(reportgen_cmd, project)
    yield running
    if running.process.poll() is None:
        running.process.send_signal(signal.SIGINT)
        try:
            running.process.wait(10)
        except subprocess.TimeoutExpired:
            running.process.kill()


@pytest.fixture
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.add_argument("--window-size=1400,1000")
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    yield driver
    driver.quit()


def wait_for(driver: object, condition: object, timeout: float = 10.0) -> float:
    """Seconds until ``condition(driver)`` holds (polled every 20 ms)."""
    from selenium.webdriver.support.ui import WebDriverWait

    began = time.perf_counter()
    WebDriverWait(driver, timeout, poll_frequency=0.02).until(condition)  # type: ignore[arg-type]
    return time.perf_counter() - began


def page_text(driver: object) -> str:
    return driver.execute_script("return document.getElementById('doc').innerText")  # type: ignore[attr-defined]


def banner_text(driver: object) -> str:
    return driver.execute_script("return document.getElementById('banner').innerText")  # type: ignore[attr-defined]


@needs_browser
def test_the_page_shows_the_document_and_follows_each_save(
    server: Server, browser: object, project: Path
) -> None:
    browser.get(server.url)  # type: ignore[attr-defined]
    wait_for(browser, lambda d: "社会发展开拓新局面" in page_text(d))
    text = page_text(browser)
    # The title, centred on page 1, and the page number of page 1.
    title = browser.execute_script(  # type: ignore[attr-defined]
        "return document.querySelector('.page[data-page=\"1\"] .line.center').innerText"
    )
    assert title == "*街道2022年工作总结及2023年工作思路"
    assert "— 1 —" in text
    # check's finding beside the line it concerns: the placeholder X, with where and hint.
    notes = browser.execute_script(  # type: ignore[attr-defined]
        "return [...document.querySelectorAll('.page .note')].map(n => n.innerText)"
    )
    placeholder = [n for n in notes if n.startswith("data/2022.yaml:78:11")]
    assert placeholder and "占位符" in placeholder[0] and "→ 填入实际内容后再报送" in placeholder[0]

    # A saved change shows within a second.
    review = project / "data" / "2022.yaml"
    good = review.read_text(encoding="utf-8")
    changed = good.replace("社会发展开拓新局面", "社会发展再上新台阶")
    assert changed != good
    review.write_text(changed, encoding="utf-8")
    seconds = wait_for(browser, lambda d: "社会发展再上新台阶" in page_text(d), timeout=5)
    assert seconds < 1.0, f"the page took {seconds:.2f} s to follow the save"

    # Broken YAML: the located error in the banner, the last good page below it.
    review.write_text(changed.replace("highlights:", "highlights: [", 1), encoding="utf-8")
    wait_for(browser, lambda d: "data/2022.yaml:" in banner_text(d), timeout=5)
    assert re.search(r"data/2022\.yaml:\d+:\d+", banner_text(browser))
    assert "社会发展再上新台阶" in page_text(browser)

    # Fixed: the banner goes, the page is the file's again.
    review.write_text(good, encoding="utf-8")
    wait_for(browser, lambda d: "社会发展开拓新局面" in page_text(d), timeout=5)
    assert banner_text(browser).strip() == ""


@needs_browser
def test_the_key_figures_page_is_drawn_after_the_document(
    reportgen_cmd: list[str], project: Path, browser: object
) -> None:
    """附表 on: the page LibreOffice puts it on (9 of 9 for the bundled report, measured in its
    PDF), its label at the top, and the table's cells and ruled lines there."""
    (project / "templates").mkdir()
    (project / "templates" / "layout.yaml").write_text("metrics_table: true\n", encoding="utf-8")
    running = start(reportgen_cmd, project)
    try:
        browser.get(running.url)  # type: ignore[attr-defined]
        wait_for(browser, lambda d: "主要指标" in page_text(d))
        shown = browser.execute_script(  # type: ignore[attr-defined]
            """const pages = document.querySelectorAll('.page');
            const last = pages[pages.length - 1];
            const rules = [...last.querySelectorAll('.rule')].map(r => r.getBoundingClientRect());
            const label = last.querySelector('.line');
            return {count: pages.length, page: last.dataset.page, label: label.innerText,
                    top: label.getBoundingClientRect().top - last.getBoundingClientRect().top,
                    text: last.innerText, rules: rules.length,
                    widest: Math.max(...rules.map(r => r.width))};"""
        )
    finally:
        running.process.send_signal(signal.SIGINT)
        running.process.communicate(timeout=10)
    assert (shown["count"], shown["page"], shown["label"]) == (9, "9", "附表")
    assert shown["top"] == pytest.approx(37 / 25.4 * 96, abs=0.5)  # the 37 mm top margin
    assert "规上工业总产值" in shown["text"] and "同比" in shown["text"]
    # 10 key figures: lines over the header, between the 11 rows and under the last (12),
    # and at the 6 column edges; the widest across the 442.2 pt text width (589.6 px).
    assert shown["rules"] == 18
    assert shown["widest"] == pytest.approx(442.2 * 96 / 72, abs=0.5)


def test_it_serves_its_page_and_nothing_from_the_file_system(server: Server) -> None:
    assert server.status("/") == 200
    for path in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/data/2022.yaml", "/x.css"):
        assert server.status(path) == 404, path


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_ctrl_c_or_kill_stops_it_with_one_line(server: Server, stop: signal.Signals) -> None:
    server.process.send_signal(stop)
    _, err = server.process.communicate(timeout=10)
    assert server.process.returncode == 0
    assert err.strip() == "预览已停止"


def test_it_listens_on_the_port_asked_on_the_loopback_only(
    reportgen_cmd: list[str], project: Path
) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    running = start([*reportgen_cmd, "--lang", "en"], project, "--port", str(port))
    try:
        assert running.url == f"http://127.0.0.1:{port}/"
        assert running.status("/") == 200
        with socket.socket() as outside:  # not on the machine's other addresses
            address = socket.gethostbyname(socket.gethostname())
            if not address.startswith("127."):
                assert outside.connect_ex((address, port)) != 0
    finally:
        running.process.send_signal(signal.SIGINT)
        running.process.communicate(timeout=10)
    assert running.process.returncode == 0


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["2021"], 1, "data/2021.yaml"),  # no such file: refused, not served
        (["20x"], 2, "20x"),
        (["2022", "--port", "70000"], 2, "70000"),
    ],
)
def test_what_cannot_be_previewed_is_refused(
    reportgen_cmd: list[str], project: Path, args: list[str], code: int, said: str
) -> None:
    done = subprocess.run(
        [*reportgen_cmd, "preview", *args, "--no-open"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == code
    assert said in done.stderr and "Traceback" not in done.stderr
