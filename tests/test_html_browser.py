"""The page to share in a real headless browser (Debian's chromium): it loads with no console message and no
request leaving the file, the verdict and every term are visible, Hebrew runs right to left, and a printed
PDF has no text outside its pages. Select these with ``-m browser``; .ci/run installs chromium and poppler.

The browser is kept off the network whatever it tries: every host resolves to nothing and every request
goes to a closed port on the loopback. What the page asked for is read from the browser's own net log.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, Run, run_command, run_in_process

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed (.ci/run installs it)"),
]
PROSPECTS = REPO / "examples" / "prospects"
OFFLINE = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
           "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"]
PROBE = """<script>
function visible(el) {
  const r = el.getBoundingClientRect(), s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none" && +s.opacity > 0
    && r.left >= 0 && r.right <= document.documentElement.clientWidth;
}
const main = document.querySelector("main"), pad = parseFloat(getComputedStyle(main).paddingRight);
const range = document.createRange(); range.selectNodeContents(document.querySelector("h2") || main);
const text = range.getBoundingClientRect(), box = main.getBoundingClientRect();
const out = {
  verdict: document.getElementById("verdict").textContent,
  verdictVisible: visible(document.getElementById("verdict")),
  terms: [...document.querySelectorAll("ol.terms .term")].map(t => [t.textContent, visible(t)]),
  direction: getComputedStyle(document.body).direction,
  fromRight: box.right - pad - text.right, fromLeft: text.left - box.left - pad,
};
const pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(out);
document.body.append(pre);
</script>"""


def chromium(page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = page.parent / f"profile-{page.stem}"
    return subprocess.run(
        ["chromium", *OFFLINE, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True, text=True, timeout=90, check=False,
    )


@pytest.fixture(scope="module")
def html_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The example prospect's page in English and in Hebrew, written once for the module, as the tests only read
    them: English through the installed command, Hebrew through its entry point in this process."""
    folder = tmp_path_factory.mktemp("pages")
    written = {}
    for lang, run in (("en", run_command), ("he", run_in_process)):
        path = folder / f"kontor-gruppen-{lang}.html"
        done = run(folder, "report", PROSPECTS / "kontor-gruppen.yaml", "--format", "html", "--lang", lang, "-o", path)
        assert done.returncode == 0, done.stderr
        written[lang] = path.read_text(encoding="utf-8")
    return written


def write_page(html_pages: dict[str, str], tmp_path: Path, prospect: str, lang: str = "en") -> Path:
    """A copy of the written page in the test's own folder, where the browser keeps its profile and output."""
    path = tmp_path / f"{prospect}-{lang}.html"
    path.write_text(html_pages[lang], encoding="utf-8")
    return path


def page_requests(page: Path, net_log: Path, *also: str) -> tuple[set[str], list[str]]:
    """What the page itself asked for (the browser's own update checks aside), and its console messages;
    ``also``: more for the same start of the browser to do, such as printing the page."""
    done = chromium(page, "--enable-logging=stderr", "--v=0", f"--log-net-log={net_log}", "--dump-dom", *also)
    log = json.loads(net_log.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    asked = {e["params"]["url"] for e in log["events"]
             if e["type"] == start and str(e["params"].get("network_isolation_key", "")).startswith("file://")}
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return asked, console


def loaded_and_printed(page: Path, folder: Path) -> tuple[set[str], list[str], Path]:
    """A page loaded once: what it asked for, its console messages, and the PDF the same start of the
    browser printed of it (a start of chromium costs more than loading and printing a page)."""
    pdf = folder / f"{page.stem}.pdf"
    asked, console = page_requests(page, folder / "net.json", "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    return asked, console, pdf


def assert_quiet_and_local(loaded: tuple[set[str], list[str], Path]) -> None:
    """A page loaded without a console message, asking for nothing beyond its own file (and data: URLs)."""
    asked, console, _pdf = loaded
    assert console == []
    assert all(url.startswith(("file:", "data:")) for url in asked), asked


@pytest.fixture(scope="module")
def english_loaded(html_pages: dict[str, str], tmp_path_factory: pytest.TempPathFactory,
                   ) -> tuple[set[str], list[str], Path]:
    """The English page, loaded and printed once for the tests that read either."""
    folder = tmp_path_factory.mktemp("english")
    return loaded_and_printed(write_page(html_pages, folder, "kontor-gruppen"), folder)


def test_the_page_loads_with_no_console_message_and_asks_for_nothing(
    html_pages: dict[str, str], english_loaded: tuple[set[str], list[str], Path], tmp_path: Path,
) -> None:
    page = write_page(html_pages, tmp_path, "kontor-gruppen")
    assert_quiet_and_local(english_loaded)
    # The same check sees a request and a console message when a page has them: the test can fail.
    leaky = tmp_path / "leaky.html"
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text(encoding="utf-8"))
    leaky.write_text(html.replace("</main>", '<img src="http://127.0.0.1:9/x.png"></main>'
                                  '<script>console.error("leaked")</script>'), encoding="utf-8")
    asked, console = page_requests(leaky, tmp_path / "leaky.json", "--no-pdf-header-footer",
                                   f"--print-to-pdf={tmp_path / 'leaky.pdf'}")
    assert "http://127.0.0.1:9/x.png" in asked and any("leaked" in c for c in console)


def probe(page: Path) -> dict[str, object]:
    """Lay the page out in the browser and read back what a person would see."""
    policy = "default-src 'none';"
    html = page.read_text(encoding="utf-8").replace(policy, policy + " script-src 'unsafe-inline';")
    probed = page.with_name(page.stem + "-probe.html")
    probed.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = chromium(probed, "--window-size=900,1200", "--dump-dom").stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, dom[-500:]
    return dict(json.loads(found.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")))


def test_the_verdict_and_every_term_are_visible(
    cli_in_process: Run, html_pages: dict[str, str], tmp_path: Path,
) -> None:
    prospect, verdict = "kontor-gruppen", "≈ NEGOTIATE"
    page = write_page(html_pages, tmp_path, prospect)
    seen = probe(page)
    assert seen["verdict"] == verdict and seen["verdictVisible"] is True
    data = json.loads(cli_in_process("report", PROSPECTS / f"{prospect}.yaml", "--format", "json").stdout)
    terms = [lv["term"] for lv in data["levers"]["terms"]] + [c["term"] for c in data["conditions"]]
    assert [t for t, _shown in seen["terms"]] == terms  # type: ignore[attr-defined]
    assert all(shown for _t, shown in seen["terms"])  # type: ignore[attr-defined]
    assert seen["direction"] == "ltr" and abs(float(seen["fromLeft"])) < 2  # type: ignore[arg-type]


def test_the_hebrew_page_runs_right_to_left(html_pages: dict[str, str], tmp_path: Path) -> None:
    seen = probe(write_page(html_pages, tmp_path, "kontor-gruppen", "he"))
    assert seen["direction"] == "rtl" and seen["verdictVisible"] is True
    assert abs(float(seen["fromRight"])) < 2 and float(seen["fromLeft"]) > 100  # type: ignore[arg-type]
    assert all(shown for _t, shown in seen["terms"])  # type: ignore[attr-defined]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed (.ci/run installs it)")
@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_printed_page_keeps_every_word_on_paper(
    html_pages: dict[str, str], request: pytest.FixtureRequest, tmp_path: Path, lang: str,
) -> None:
    if lang == "en":  # printed as it was loaded for the test above
        _asked, _console, pdf = request.getfixturevalue("english_loaded")
    else:
        pdf = tmp_path / f"{lang}.pdf"
        chromium(write_page(html_pages, tmp_path, "kontor-gruppen", lang), "--no-pdf-header-footer",
                 f"--print-to-pdf={pdf}")
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', boxes, re.S)
    assert pages
    words = 0
    for width, height, body in pages:
        for x0, y0, x1, y1 in re.findall(r'xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)"', body):
            words += 1
            assert 0 <= float(x0) and float(x1) <= float(width) and 0 <= float(y0) and float(y1) <= float(height)
    assert words > 100
    if lang == "en":
        text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        assert "NEGOTIATE" in text and "Half of the first month is paid before work starts" in text
