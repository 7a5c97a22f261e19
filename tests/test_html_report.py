"""`--format html`: a self-contained report, its structure, its escaping, and in a real browser.

The structure and escaping tests parse the page with the standard library's HTML parser. The
browser test loads the report of the example articles in headless Chromium (Debian's
`chromium` and `chromium-driver`, which .ci/run installs), checks that the chart and the
findings render and that the filters work, and takes a screenshot.
"""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import REPO, artlint, write


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
    items = page.all("li", **{"class": "finding"})
    assert len(items) == len(findings)
    assert Counter(item["data-rule"] for item in items) == Counter(f["rule"] for f in findings)
    bars = page.all("rect", **{"class": "bar"})
    assert {bar["data-rule"] for bar in bars} == {f["rule"] for f in findings}
    assert {section["data-path"] for section in page.all("section", **{"class": "file"})} == {f["path"] for f in findings}
    assert re.search(r"3\s*files checked", page.text)
    assert "Worst files" in page.text and "Findings per rule" in page.text and "run time" in page.text
    for name in {f["rule"] for f in findings}:  # every rule's documentation is in the page, linked
        assert page.all("section", id=f"rule-{name}")
        assert page.all("a", href=f"#rule-{name}")
    assert len(page.all("mark")) == len(findings)  # the span of each finding marked in its line


def test_the_page_needs_nothing_from_outside(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": "+++\ntitle = \"A\"\n+++\n\n![img](http://img.example.net/a.png)\n"})
    text, _ = _report(tmp_path, "a.md")
    page = Page(text)
    for tag, attrs in page.elements:
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            assert not value or value.startswith("#"), (tag, attrs)  # only links inside the page
    assert not page.all("link") and all(not attrs.get("src") for _, attrs in page.elements)
    assert "http://img.example.net/a.png" in page.text  # the article's URL is text, not a link


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
    assert len(page.all("script")) == 1  # ours, at the end
    assert 'alert("title")' not in "".join(page.scripts) and "alert(" not in "".join(page.scripts)
    for tag, attrs in page.elements:
        assert not any(key.startswith("on") for key in attrs), (tag, attrs)
        assert tag not in ("img", "iframe", "object", "embed", "b"), (tag, attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript"), (tag, attrs)
    # ...and the hostile text is shown as text, where the findings quote it
    assert HOSTILE_TITLE in page.text
    assert hostile_name in page.text
    assert '<img src=x onerror=alert(1)>' in page.text
    assert page.all("section", **{"data-path": hostile_name})


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
    assert total == 15 and findings[0].is_displayed() and findings[0].size["height"] > 0
    assert browser.find_element(By.ID, "shown").text == f"{total} findings shown"

    Select(browser.find_element(By.ID, "f-rule")).select_by_value("link-keyword-stuffing")
    visible = [item for item in findings if item.is_displayed()]
    assert len(visible) == 6 and {item.get_attribute("data-rule") for item in visible} == {"link-keyword-stuffing"}
    assert browser.find_element(By.ID, "shown").text == "6 findings shown"

    Select(browser.find_element(By.ID, "f-rule")).select_by_value("")
    Select(browser.find_element(By.ID, "f-severity")).select_by_value("error")
    assert {item.get_attribute("data-severity") for item in findings if item.is_displayed()} == {"error"}

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
