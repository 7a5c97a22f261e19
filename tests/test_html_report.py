"""`--format html`: a self-contained report, its structure, its escaping, and in a real browser.

The structure and escaping tests parse the page with the standard library's HTML parser, and
the findings from the data the page's script renders from (helpers.html_report_findings). The
browser tests load reports in headless Chromium (Debian's `chromium` and `chromium-driver`,
which .ci/run installs): the example articles' (the chart, the findings, the filters, a
screenshot), and reports made from findings written here, to check that only a page of files
is rendered at first, that more come on request, that the filters and a link to a file reach
the files not rendered yet, and that hostile text in the data stays text.
"""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import REPO, artlint, html_report_data, html_report_findings, write

from artlint.findings import Finding, Related, Severity
from artlint.reporters import ReportSettings, html_report, write_report
from artlint.results import RunResult
from artlint.safetext import visible


class Page(HTMLParser):
    """Every element with its attributes, and the text of the page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text_parts: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text_parts).append(data)

    def all(self, tag: str, **wanted: str) -> list[dict[str, str | None]]:
        """Elements named `tag` whose attributes have the wanted values (for "class", one of
        its words)."""

        def matches(attrs, key, value):
            if key == "class":
                return value in (attrs.get("class") or "").split()
            return attrs.get(key) == value

        return [attrs for name, attrs in self.elements if name == tag and all(matches(attrs, k, v) for k, v in wanted.items())]

    @property
    def text(self) -> str:
        return "".join(self.text_parts)


def _report(cwd: Path, *paths: str) -> tuple[str, Path]:
    output = cwd / "report.html"
    code, _, err = artlint("check", "--offline", "--no-cache", "--format", "html", "--output", str(output), *paths, cwd=cwd)
    assert code in (0, 1), err
    return output.read_text("utf-8"), output


def test_report_of_the_examples_has_the_overview_and_every_finding(tmp_path: Path) -> None:
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    _, out, _ = artlint("check", "--offline", "--no-cache", "--format", "json", "examples", cwd=tmp_path)
    import json

    findings = json.loads(out)["findings"]
    text, _ = _report(tmp_path, "examples")
    page = Page(text)
    shown = html_report_findings(text)

    def key(finding):
        return (finding["path"], finding["line"], finding["column"], finding["rule"], finding["severity"], finding["message"])

    assert Counter(map(key, shown)) == Counter(map(key, findings))
    bars = page.all("rect", **{"class": "bar"})
    assert {bar["data-rule"] for bar in bars} == {f["rule"] for f in findings}
    assert re.search(r"4\s*files checked", page.text)
    assert "Worst files" in page.text and "Findings per rule" in page.text and "run time" in page.text
    for name in {f["rule"] for f in findings}:  # every rule's documentation is in the page, linked
        assert page.all("section", id=f"rule-{name}")
        assert page.all("a", href=f"#rule-{name}")
    assert all(finding["mark"] for finding in shown)  # the span of each finding marked in its line
    assert not page.all("li", **{"class": "finding"})  # rendered by the script, from the data


def test_the_page_needs_nothing_from_outside(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": "+++\ntitle = \"A\"\n+++\n\n![img](http://img.example.net/a.png)\n"})
    text, _ = _report(tmp_path, "a.md")
    page = Page(text)
    for tag, attrs in page.elements:
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            assert not value or value.startswith("#"), (tag, attrs)  # only links inside the page
    assert not page.all("link") and all(not attrs.get("src") for _, attrs in page.elements)
    assert any("http://img.example.net/a.png" in (f["source"] or "") for f in html_report_findings(text))  # text


HOSTILE_TITLE = '</title><script>alert("title")</script>'
HOSTILE_LINK = '[<img src=x onerror=alert(1)>](javascript:alert(2))'
HOSTILE_URL = 'http://evil.example.com/course_video/"><script>alert(3)</script>'


def test_article_text_cannot_inject_markup_or_script(tmp_path: Path) -> None:
    body = "\n\n".join(
        [
            f"一{HOSTILE_LINK}二{HOSTILE_LINK}三{HOSTILE_LINK}。",
            f"四[肿瘤](<{HOSTILE_URL}>)五[肿瘤](<{HOSTILE_URL}>)六[肿瘤](<{HOSTILE_URL}>)。",
            "bare http://x.example.com/?q=<b>bold</b>&amp;y=1 here",
        ]
    )
    hostile_name = 'a"><svg onload=alert(4)>.md'
    write(
        tmp_path,
        {
            hostile_name: f"---\ntitle: '{HOSTILE_TITLE}'\n---\n\n{body}\n",
            "copy.md": f"---\ntitle: '{HOSTILE_TITLE}'\n---\n\n{body}\n",
        },
    )
    text, _ = _report(tmp_path, ".")
    page = Page(text)
    assert [attrs.get("type") for attrs in page.all("script")] == ["application/json", None]  # ours, at the end
    data, code = page.scripts
    assert "<" not in data and ">" not in data and "&" not in data  # nothing in the data can end its element
    assert "alert(" not in code
    for tag, attrs in page.elements:
        assert not any(key.startswith("on") for key in attrs), (tag, attrs)
        assert tag not in ("img", "iframe", "object", "embed", "b"), (tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript"), (tag, attrs)
    # ...and the hostile text is in the data as it is, for the script to show as text
    findings = html_report_findings(text)
    assert any(HOSTILE_TITLE in finding["message"] for finding in findings)
    assert hostile_name in {finding["path"] for finding in findings}
    assert any("<img src=x onerror=alert(1)>" in (finding["source"] or "") for finding in findings)
    assert hostile_name in page.text  # the worst files, in the overview, quote it escaped


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("no headless Chromium here: install Debian's chromium and chromium-driver (.ci/run does)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is in the test extra")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,1600"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_the_report_renders_and_filters_in_a_real_browser(tmp_path: Path, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    shutil.copytree(REPO / "examples", tmp_path / "examples")
    _, report = _report(tmp_path, "examples")
    browser.get(report.as_uri())
    bars = browser.find_elements(By.CSS_SELECTOR, "#chart rect.bar")
    assert len(bars) >= 5 and all(bar.size["width"] > 0 and bar.size["height"] > 0 for bar in bars)
    findings = browser.find_elements(By.CSS_SELECTOR, "li.finding")
    total = len(findings)
    assert total == 26 and findings[0].is_displayed() and findings[0].size["height"] > 0
    assert browser.find_element(By.ID, "shown").text == f"{total} findings shown"
    assert len(browser.find_elements(By.CSS_SELECTOR, "li.finding pre.source mark")) == total
    links = browser.find_elements(By.CSS_SELECTOR, "#files a")
    assert links and all(link.get_attribute("href").split("#")[1].startswith("rule-") for link in links)
    assert browser.find_element(By.ID, "range").text == "files 1–3 of 3" and not browser.find_element(By.ID, "more").is_displayed()

    # a filter renders the files again, from the data: the elements are new ones
    Select(browser.find_element(By.ID, "f-rule")).select_by_value("link-keyword-stuffing")
    visible = [item for item in browser.find_elements(By.CSS_SELECTOR, "li.finding") if item.is_displayed()]
    assert len(visible) == 6 and {item.get_attribute("data-rule") for item in visible} == {"link-keyword-stuffing"}
    assert browser.find_element(By.ID, "shown").text == "6 findings shown"

    Select(browser.find_element(By.ID, "f-rule")).select_by_value("")
    Select(browser.find_element(By.ID, "f-severity")).select_by_value("error")
    severities = [item.get_attribute("data-severity") for item in browser.find_elements(By.CSS_SELECTOR, "li.finding")]
    assert severities and set(severities) == {"error"}

    Select(browser.find_element(By.ID, "f-severity")).select_by_value("")
    search = browser.find_element(By.ID, "f-path")
    search.send_keys("broken-front")
    browser.implicitly_wait(0)
    import time

    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and browser.find_element(By.ID, "shown").text != "4 findings shown":
        time.sleep(0.05)
    assert browser.find_element(By.ID, "shown").text == "4 findings shown"
    assert all("broken-front-matter" in section.get_attribute("data-path")
               for section in browser.find_elements(By.CSS_SELECTOR, "section.file") if section.is_displayed())

    screenshot = Path(os.environ.get("ARTLINT_SCREENSHOT_DIR", tmp_path)) / "html-report.png"
    search.clear()
    browser.execute_script("window.scrollTo(0, 0)")
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.stat().st_size > 10_000


# ----------------------------------------------------------------------------- lazy rendering


def _write_report(tmp_path: Path, findings: list[Finding], files_checked: int | None = None) -> Path:
    """The HTML report of these findings, written as `artlint check` writes it."""
    files_checked = files_checked or len({finding.path for finding in findings})
    output = tmp_path / "report.html"
    with output.open("w", encoding="utf-8") as stream:
        write_report("html", RunResult(sorted(findings, key=Finding.sort_key), files_checked, 0.5, []), stream, ReportSettings())
    return output


def _finding(path: str, line: int, rule: str = "duplicate-word", severity: Severity = Severity.WARNING,
             message: str = "doubled word", snippet: str | None = "the the end", column: int = 1, end: int = 8,
             related: tuple[Related, ...] = ()) -> Finding:
    return Finding(path, line, column, line, end, rule, severity, message, related, snippet)


def _site(files: int = 250) -> list[Finding]:
    """Three findings in each of `files` files; the last 50 have a duplicate-title error too."""
    findings = []
    for number in range(files):
        path = f"content/posts/{number:04d}.md"
        findings += [_finding(path, line) for line in (3, 5, 9)]
        if number >= files - 50:
            findings.append(_finding(path, 1, "duplicate-title", Severity.ERROR, f"title also in post {number}", "title: x"))
    return findings


def _shown(browser) -> str:
    from selenium.webdriver.common.by import By

    return browser.find_element(By.ID, "shown").text


def _paths(browser) -> list[str]:
    return browser.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('section.file'), function (s) { return s.dataset.path; });"
    )


def test_the_data_says_each_string_once(tmp_path: Path) -> None:
    report = _write_report(tmp_path, _site())
    text = report.read_text("utf-8")
    data = html_report_data(text)
    assert len(data["strings"]) == len(set(data["strings"]))
    assert data["strings"].count("the the end") == 1 and data["strings"].count("duplicate-word") == 1
    assert len(html_report_findings(text)) == 250 * 3 + 50
    assert '<li class="finding' not in text and "<section class=\"file\"" not in text  # the findings are data only
    assert len(data["files"]) == 250 and (data["page_files"], data["page_findings"]) == (100, 1000)


def test_only_the_first_page_is_rendered_and_more_come_on_request(tmp_path: Path, browser) -> None:
    from selenium.webdriver.common.by import By

    browser.get(_write_report(tmp_path, _site()).as_uri())
    assert _shown(browser) == "800 findings shown"  # all of them, rendered or not
    assert _paths(browser) == [f"content/posts/{number:04d}.md" for number in range(100)]
    assert len(browser.find_elements(By.CSS_SELECTOR, "li.finding")) == 300
    assert browser.find_element(By.ID, "range").text == "files 1–100 of 250"
    more = browser.find_element(By.ID, "more")
    assert more.is_displayed() and more.text == "show the next 100 files (150 more)"
    _click(browser, more)
    assert len(_paths(browser)) == 200 and _paths(browser)[100] == "content/posts/0100.md"
    assert browser.find_element(By.ID, "range").text == "files 1–200 of 250"
    assert more.text == "show the next 50 files (50 more)"
    _click(browser, more)
    assert len(_paths(browser)) == 250 and not more.is_displayed()
    assert len(browser.find_elements(By.CSS_SELECTOR, "li.finding.error")) == 50
    assert not browser.find_element(By.ID, "earlier").is_displayed()


def test_a_page_ends_early_when_its_files_hold_many_findings(tmp_path: Path, browser) -> None:
    findings = [_finding(f"{name}.md", line) for name in "abc" for line in range(1, 601)]
    browser.get(_write_report(tmp_path, findings).as_uri())
    assert _paths(browser) == ["a.md", "b.md"]  # 1,200 findings: past 1,000 after the second file
    assert re.fullmatch(r"1\D?800 findings shown", _shown(browser))  # 1,800 in the browser's locale


def test_the_filters_work_on_every_finding_not_only_those_rendered(tmp_path: Path, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(_write_report(tmp_path, _site()).as_uri())
    Select(browser.find_element(By.ID, "f-rule")).select_by_value("duplicate-title")  # only in files 200-249
    assert _shown(browser) == "50 findings shown"
    assert _paths(browser) == [f"content/posts/{number:04d}.md" for number in range(200, 250)]
    items = browser.find_elements(By.CSS_SELECTOR, "li.finding")
    assert len(items) == 50 and {item.get_attribute("data-rule") for item in items} == {"duplicate-title"}
    assert items[0].find_element(By.CSS_SELECTOR, ".message").text == "title also in post 200"

    Select(browser.find_element(By.ID, "f-rule")).select_by_value("")
    Select(browser.find_element(By.ID, "f-severity")).select_by_value("info")
    assert _shown(browser) == "0 findings shown" and _paths(browser) == []
    assert not browser.find_element(By.ID, "more").is_displayed()

    Select(browser.find_element(By.ID, "f-severity")).select_by_value("")
    browser.find_element(By.ID, "f-path").send_keys("0137")
    _wait_for(browser, "3 findings shown")
    assert _paths(browser) == ["content/posts/0137.md"]

    browser.find_element(By.ID, "f-path").clear()
    browser.execute_script("document.getElementById('f-path').dispatchEvent(new Event('input'))")
    _wait_for(browser, "800 findings shown")
    assert len(_paths(browser)) == 100


def _wait_for(browser, shown: str) -> None:
    import time

    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _shown(browser) != shown:
        time.sleep(0.05)
    assert _shown(browser) == shown


def _click(browser, element) -> None:
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)  # not under the filters
    element.click()


def _in_view(browser, element) -> bool:
    return browser.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= -1 && r.top < window.innerHeight;", element
    )


def test_a_link_to_a_file_not_rendered_yet_opens_its_findings(tmp_path: Path, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    report = _write_report(tmp_path, _site())
    target = "content/posts/0230.md"
    anchor = html_report._file_id(target)
    browser.get(report.as_uri() + "#" + anchor)  # a URL to one file: the page that holds it
    section = browser.find_element(By.ID, anchor)
    assert section.get_attribute("data-path") == target and _in_view(browser, section)
    assert len(section.find_elements(By.CSS_SELECTOR, "li.finding")) == 4
    assert _paths(browser)[0] == "content/posts/0200.md" and len(_paths(browser)) == 50
    assert browser.find_element(By.ID, "range").text == "files 201–250 of 250"
    earlier = browser.find_element(By.ID, "earlier")
    assert earlier.is_displayed() and earlier.text == "show the 100 files before"
    _click(browser, earlier)
    assert _paths(browser)[0] == "content/posts/0100.md" and len(_paths(browser)) == 150

    # the worst files (errors first) link to files of the last page; a filter hides them
    browser.get(report.as_uri())
    Select(browser.find_element(By.ID, "f-severity")).select_by_value("info")
    link = browser.find_element(By.CSS_SELECTOR, 'table.list a[href="#file-content_2f_posts_2f_0207_2e_md"]')
    _click(browser, link)
    section = browser.find_element(By.ID, "file-content_2f_posts_2f_0207_2e_md")
    assert _in_view(browser, section) and _shown(browser) == "800 findings shown"  # the filters let go
    assert browser.find_element(By.ID, "f-severity").get_attribute("value") == ""

    # a link the reader types or follows later (the hash changes)
    browser.execute_script("location.hash = arguments[0]", html_report._file_id("content/posts/0101.md"))
    section = browser.find_element(By.ID, html_report._file_id("content/posts/0101.md"))
    assert _in_view(browser, section)
    assert browser.find_element(By.ID, "range").text == "files 101–200 of 250"


HOSTILE_STRINGS = [
    "</script><script>window.pwned = 1</script>",
    "</SCRIPT ><img src=x onerror=\"window.pwned = 2\">",
    "<!--<script>window.pwned = 3</script>-->",
    "line\u2028separator\u2029paragraph\u202eoverride\x1b[2J",
    "\\u003c/script> ]]> &lt; &amp; \" ' ` ${window.pwned = 4}",
]


def test_hostile_text_in_the_data_stays_text(tmp_path: Path, browser) -> None:
    from selenium.webdriver.common.by import By

    findings = []
    for number, text in enumerate(HOSTILE_STRINGS):
        path = f"posts/{text}/{number}.md"
        line = f"\t😀😀 {text} 😀 [x](y)"
        start = line.index(text) + 1  # columns count code points; the page's script, UTF-16 units
        findings.append(_finding(path, 2, message=f"message {text}", snippet=line, column=start, end=start + len(text),
                                 related=(Related(f"../{text}.md", 1, 1, f"also {text}"),)))
    report = _write_report(tmp_path, findings)
    page = report.read_text("utf-8")
    assert page.count("<script") == 2 and page.count("</script>") == 2 and page.count("<!--") == 0
    assert "\u2028" not in page and "\u202e" not in page and "\x1b" not in page
    browser.get(report.as_uri())
    assert browser.execute_script("return window.pwned") is None
    assert not browser.find_elements(By.CSS_SELECTOR, "#files img, #files script")
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 2
    shown = [(section.get_attribute("data-path"), section.find_element(By.TAG_NAME, "mark").text,
              section.find_element(By.CSS_SELECTOR, ".message").text,
              section.find_element(By.CSS_SELECTOR, ".related").text)
             for section in browser.find_elements(By.CSS_SELECTOR, "section.file")]
    expected = []
    for number, text in enumerate(HOSTILE_STRINGS):
        seen = visible(text)  # control characters, U+2028 and bidi overrides shown as escapes
        expected.append((visible(f"posts/{text}/{number}.md"), seen, f"message {seen}", f"also {seen}: ../{seen}.md:1:1"))
    assert sorted(shown) == sorted(expected)
    # the deep link of a hostile path works too (its id is in the data)
    anchor = html_report._file_id(f"posts/{HOSTILE_STRINGS[3]}/3.md")
    browser.get(report.as_uri() + "#" + anchor)
    assert browser.find_element(By.ID, anchor).get_attribute("data-path") == visible(f"posts/{HOSTILE_STRINGS[3]}/3.md")
