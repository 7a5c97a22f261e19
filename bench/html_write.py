#!/usr/bin/env python3
"""How long `artlint check` takes to write its report, apart from checking.

    python bench/html_write.py [--runs 3] -- check --offline --format html --output report.html content

Runs the command in this process (artlint.cli.main) as many times as asked, timing only the
call that writes the report (artlint.reporters.write_report), and prints each time and the
median. Use a warm cache, so that the runs differ only in the report. Works with any version of
artlint that has write_report, so the same script measures the code before and after a change.
"""

from __future__ import annotations

import argparse
import statistics
import time

import artlint.reporters
from artlint.cli import main as artlint_main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("command", nargs=argparse.REMAINDER, help="artlint's arguments, after --")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    times: list[float] = []
    write_report = artlint.reporters.write_report

    def timed(*arguments, **options):
        started = time.perf_counter()
        try:
            return write_report(*arguments, **options)
        finally:
            times.append(time.perf_counter() - started)

    artlint.reporters.write_report = timed  # the command imports it when it runs
    for _ in range(args.runs):
        try:
            artlint_main(command)
        except SystemExit:
            pass
    print("writing the report: " + ", ".join(f"{t:.2f}" for t in times) + f" s (median {statistics.median(times):.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
