"""The calibration review (``calibrate --format html``) in the real headless browser, with the report page's
helpers (``test_html_browser``): no console message and no request, the charts drawn at a sane size, Hebrew
laid out right to left, and nothing outside the printed pages. Select with ``-m browser``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_command, run_in_process
from ledger_samples import review_ledger
from test_html_browser import assert_quiet_and_local, chromium, loaded_and_printed

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed (.ci/run installs it)"),
]
PROBE = """<script>
const width = document.documentElement.clientWidth;
const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.right, r.width, r.height]; };
const h1 = document.querySelector("h1"), range = document.createRange(); range.selectNodeContents(h1);
const text = range.getBoundingClientRect(), main = document.querySelector("main").getBoundingClientRect();
const pad = parseFloat(getComputedStyle(document.querySelector("main")).paddingRight);
const out = {
  width, direction: getComputedStyle(document.body).direction,
  charts: [...document.querySelectorAll("svg.rate, svg.stack, svg.points")].map(s => [s.getAttribute("class"), box(s)]),
  dots: [...document.querySelectorAll("svg.rate circle")].map(c => box(c)),
  short: [...document.querySelectorAll("td.short")].map(td => td.textContent),
  fromRight: main.right - pad - text.right,
};
const pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(out);
document.body.append(pre);
</script>"""


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("review") / "clientscreen.db"
    review_ledger(str(path))
    return path


class Reviews(dict[str, str]):
    """The review page by language, written the first time a test asks for it: English through the installed
    command, Hebrew through its entry point in this process. The tests only read the pages; a worker that runs
    some of them writes only the languages they read (a page costs a scoring of every client, twice)."""

    def __init__(self, ledger: Path) -> None:
        super().__init__()
        self.ledger = ledger

    def __missing__(self, lang: str) -> str:
        path = self.ledger.parent / f"review-{lang}.html"
        run = run_command if lang == "en" else run_in_process
        done = run(self.ledger.parent, "calibrate", "--ledger", self.ledger, "--format", "html", "--min-sample", "40",
                   "--lang", lang, "-o", path)
        assert done.returncode == 0, done.stderr
        self[lang] = path.read_text(encoding="utf-8")
        return self[lang]


@pytest.fixture(scope="module")
def reviews(ledger: Path) -> dict[str, str]:
    return Reviews(ledger)


def write_review(reviews: dict[str, str], tmp_path: Path, lang: str) -> Path:
    """A copy of the written page in the test's own folder, where the browser keeps its profile and output."""
    path = tmp_path / f"review-{lang}.html"
    path.write_text(reviews[lang], encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def english_loaded(reviews: dict[str, str], tmp_path_factory: pytest.TempPathFactory,
                   ) -> tuple[set[str], list[str], Path]:
    """The English review, loaded and printed once for the tests that read either."""
    folder = tmp_path_factory.mktemp("english")
    return loaded_and_printed(write_review(reviews, folder, "en"), folder)


def test_the_review_loads_with_no_console_message_and_asks_for_nothing(
    english_loaded: tuple[set[str], list[str], Path],
) -> None:
    assert_quiet_and_local(english_loaded)


def test_the_hebrew_review_runs_right_to_left_with_every_chart_drawn(reviews: dict[str, str], tmp_path: Path) -> None:
    page = write_review(reviews, tmp_path, "he")
    policy = "default-src 'none';"
    probed = page.with_name("probed.html")
    html = page.read_text(encoding="utf-8").replace(policy, policy + " script-src 'unsafe-inline';")
    probed.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = chromium(probed, "--window-size=900,1200", "--dump-dom").stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, dom[-500:]
    seen = json.loads(found.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
    assert seen["direction"] == "rtl" and abs(seen["fromRight"]) < 2
    kinds = {kind for kind, _box in seen["charts"]}
    assert kinds == {"rate", "stack", "points"}
    for _kind, (left, right, width, height) in seen["charts"]:
        assert 0 <= left and right <= seen["width"] and 150 <= width <= 450 and 15 <= height <= 30
    assert seen["dots"] and all(w >= 6 and h >= 6 for _l, _r, w, h in seen["dots"])  # a dot, not a speck
    assert seen["short"] and len(seen["short"]) == len(html.split('class="words short"')) - 1


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed (.ci/run installs it)")
@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_printed_review_keeps_every_word_on_paper(
    reviews: dict[str, str], request: pytest.FixtureRequest, tmp_path: Path, lang: str,
) -> None:
    if lang == "en":  # printed as it was loaded for the first test
        _asked, _console, pdf = request.getfixturevalue("english_loaded")
    else:
        pdf = tmp_path / f"{lang}.pdf"
        chromium(write_review(reviews, tmp_path, lang), "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', boxes, re.S)
    assert len(pages) > 1
    words = 0
    for width, height, body in pages:
        for x0, y0, x1, y1 in re.findall(r'xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)"', body):
            words += 1
            assert 0 <= float(x0) and float(x1) <= float(width) and 0 <= float(y0) and float(y1) <= float(height)
    assert words > 500
    if lang == "en":
        text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        assert "decision_maker = rivals (+8)" in text and "<script>alert(" in text
