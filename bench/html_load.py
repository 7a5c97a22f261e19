#!/usr/bin/env python3
"""How long a headless browser takes to open an artlint HTML report, and to filter it.

    python bench/html_load.py report.html [--runs 3]

Needs Chromium, ChromeDriver and selenium (Debian: chromium, chromium-driver; PyPI: selenium).
Prints the file size, the time from navigation to the load event (the page parsed, styled and
its script run), the time to the first paint, and how long choosing a rule in the filter takes
(the script's work and the re-layout it causes), and in a report that renders its findings a
page at a time (issue 21), how long "show more" takes. Medians of --runs fresh page loads.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

FILTER = """
const select = document.getElementById("f-rule");
const start = performance.now();
select.value = select.options[1].value;
select.dispatchEvent(new Event("change"));
document.body.offsetHeight;  // the layout the change causes
const filtered = performance.now() - start;
const back = performance.now();
select.value = "";
select.dispatchEvent(new Event("change"));
document.body.offsetHeight;
return [filtered, performance.now() - back, document.getElementById("shown").textContent];
"""

MORE = """
const more = document.getElementById("more");
if (!more || more.hidden) return -1;
const start = performance.now();
more.click();
document.body.offsetHeight;
return performance.now() - start;
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("google-chrome") or "chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,1600"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "chromedriver"), options=options)
    loads, paints, filters, unfilters, mores = [], [], [], [], []
    try:
        for _ in range(args.runs):
            driver.get("about:blank")
            driver.get(args.report.resolve().as_uri())
            loads.append(driver.execute_script(
                "const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime;"))
            paints.append(driver.execute_script(
                "const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : -1;"))
            filtered, unfiltered, shown = driver.execute_script(FILTER)
            filters.append(filtered)
            unfilters.append(unfiltered)
            mores.append(driver.execute_script(MORE))
    finally:
        driver.quit()
    size = args.report.stat().st_size
    print(f"report: {args.report} ({size / 1e6:.1f} MB); {shown}")
    print(f"load event: {statistics.median(loads) / 1000:.2f} s   first paint: {statistics.median(paints) / 1000:.2f} s")
    print(f"filter by one rule: {statistics.median(filters):.0f} ms   back to all: {statistics.median(unfilters):.0f} ms")
    more = statistics.median(mores)
    print(f"show more: {more:.0f} ms" if more >= 0 else "show more: none (every finding is rendered)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
