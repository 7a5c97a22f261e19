"""Hostile text never drives the reader's terminal nor forges a line of output: control
characters from articles, file names and servers are shown as escapes in the text, GitHub and
HTML reports and in the command's messages, and kept as they are in the JSON and SARIF reports.

The output is read exactly as written (`exact=True`): read as text, a CR would become a line
break and hide what the test looks for.
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from helpers import artlint, html_report_findings, write
from netserver import HOSTILE_REASON, PlantedServer

from artlint.config import Config
from artlint.engine import run
from artlint.reporters import ReportSettings, write_report
from artlint.safetext import visible, visible_line

CLEAR = "\x1b[2J"
RED = "\x1b[31m"
LINK = "\x1b]8;;http://evil.exam.pl/\x1b\\click\x1b]8;;\x1b\\"  # OSC 8: a hyperlink the text does not show
CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"  # OSC 52: puts "evil" on the clipboard
FRONT = '+++\ntitle = "Hostile"\ndate = 2024-01-01\n+++\n\n'
# Every character a report for people must not print as it is; a line break ends a line of
# output, so it is looked for line by line.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
HEADLINE = re.compile(r"^\S.*:\d+:\d+  (error|warning|info)  ", re.M)


def _hostile_article() -> str:
    """Escape sequences in bare URLs (quoted in their messages) and around them (in the snippets)."""
    return FRONT + (
        f"Go {CLEAR}{RED}now: http://news.ex.com/{CLIPBOARD}x\n"
        f"{LINK} \u202eevil\u202c \x9b31m http://news.ex.org/\u202e\x9b31m\x7f\n"
    )


def _check_in_process(root: Path, report: str, color: bool = False) -> str:
    result = run([str(root)], Config(root=root), use_cache=False)
    stream = io.StringIO()
    write_report(report, result, stream, ReportSettings(color=color))
    return stream.getvalue()


# --------------------------------------------------------------------------- the helper


@pytest.mark.parametrize(
    "text, shown",
    [
        ("plain, [bold] and 标题", "plain, [bold] and 标题"),
        (CLEAR, "\\x1b[2J"),
        (CLIPBOARD, "\\x1b]52;c;ZXZpbA==\\x07"),
        ("a\nb\rc\td\x00", "a\\nb\\rc\\td\\x00"),
        ("\x7f\x85\x9b", "\\x7f\\x85\\x9b"),
        ("\u202aa\u202eb\u2066c\u2069\u2028", "\\u202aa\\u202eb\\u2066c\\u2069\\u2028"),
        ("no-break\u00a0space, joiner\u200d", "no-break\u00a0space, joiner\u200d"),
    ],
)
def test_visible_escapes_control_characters_only(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_visible_line_keeps_tabs() -> None:
    assert visible_line(f"\tindented {CLEAR}") == "\tindented \\x1b[2J"


# --------------------------------------------------------------------------- text report


def test_text_report_shows_escape_sequences_from_an_article_escaped(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": _hostile_article()})
    code, out, _ = artlint("check", "--offline", "--no-cache", ".", cwd=tmp_path, exact=True)
    assert code == 1
    assert not any(UNSAFE.search(line) for line in out.split("\n")), out
    assert "bare URL: write it as a link, [text](http://news.ex.com/\\x1b]52;c;ZXZpbA==\\x07x)" in out
    assert "    6 │ Go \\x1b[2J\\x1b[31mnow: http://news.ex.com/" in out
    assert "    7 │ \\x1b]8;;http://evil.exam.pl/\\x1b\\click\\x1b]8;;\\x1b\\ \\u202eevil\\u202c \\x9b31m http" in out


def test_text_report_marks_the_span_under_an_escaped_line(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": FRONT + f"{CLEAR} see http://news.ex.com/{CLIPBOARD} now\n"})
    _, out, _ = artlint("check", "--offline", "--no-cache", "--select", "bare-url", ".", cwd=tmp_path, exact=True)
    source, marker = [line for line in out.splitlines() if "│" in line]
    start, end = marker.index("^"), marker.rindex("^") + 1
    assert source[start:end] == "http://news.ex.com/\\x1b]52;c;ZXZpbA==\\x07"


def test_text_report_in_colour_prints_no_sequence_and_no_markup_of_the_article(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": FRONT + f"[bold]loud[/bold] [link=http://evil.exam.pl/]x[/link] http://news.ex.com/{CLEAR}{LINK}\n"})
    out = _check_in_process(tmp_path, "text", color=True)
    assert "\x1b[" in out  # rich's own colours
    assert "\x1b" not in re.sub(r"\x1b\[[0-9;]*m", "", out)  # and nothing else
    assert "[bold]loud[/bold] [link=http://evil.exam.pl/]x[/link]" in out
    assert "http://news.ex.com/\\x1b[2J\\x1b]8;;" in out


def test_file_names_cannot_clear_the_screen_or_forge_a_finding(tmp_path: Path) -> None:
    forged = "x\nforged.md:1:1  error  made-up-rule  all is well.md"
    write(tmp_path, {f"b{CLEAR}.md": "No front matter.\n", forged: "No front matter either.\n"})
    code, out, _ = artlint("check", "--offline", "--no-cache", ".", cwd=tmp_path, exact=True)
    assert code == 1
    assert not any(UNSAFE.search(line) for line in out.split("\n")), out
    assert [match.group() for match in HEADLINE.finditer(out)] == [
        "b\\x1b[2J.md:1:1  warning  ",
        "x\\nforged.md:1:1  error  made-up-rule  all is well.md:1:1  warning  ",
    ]
    assert "\nforged.md" not in out


# --------------------------------------------------------------------------- GitHub annotations


def test_github_annotations_show_control_characters_escaped_and_keep_githubs_encoding(tmp_path: Path) -> None:
    write(tmp_path, {f"a{CLEAR}\r,b:c%.md": FRONT + f"See http://news.ex.com/%41{CLIPBOARD}{RED}x now.\n"})
    code, out, _ = artlint("check", "--offline", "--no-cache", "--format", "github", ".", cwd=tmp_path, exact=True)
    assert code == 1
    assert out == (
        "::warning file=a\\x1b[2J\\r%2Cb%3Ac%25.md,line=6,col=5,endLine=6,endColumn=49,title=bare-url::"
        "bare URL: write it as a link, [text](http://news.ex.com/%2541\\x1b]52;c;ZXZpbA==\\x07\\x1b[31mx)\n"
    )


def test_a_line_break_in_a_file_name_is_no_second_github_command(tmp_path: Path) -> None:
    write(tmp_path, {"x\n::error file=forged.md::all is well.md": "No front matter.\n"})
    _, out, _ = artlint("check", "--offline", "--no-cache", "--format", "github", ".", cwd=tmp_path, exact=True)
    assert out.count("\n") == 1 and out.count("::warning ") == 1 and "::error" not in out.replace("\\n::error", "")
    assert out.startswith("::warning file=x\\n%3A%3Aerror file=forged.md%3A%3Aall is well.md,line=1,")


# --------------------------------------------------------------------------- HTML report


def test_html_report_holds_no_raw_control_character(tmp_path: Path) -> None:
    write(tmp_path, {f"b{CLEAR}\u202e.md": _hostile_article() + "\tindented http://news.ex.net/\n"})
    code, out, _ = artlint("check", "--offline", "--no-cache", "--format", "html", ".", cwd=tmp_path, exact=True)
    assert code == 1
    assert not any(UNSAFE.search(line) for line in out.replace("\t", " ").split("\n"))
    # the findings are data in the page, which its script shows as text (test_html_report.py)
    findings = html_report_findings(out)
    assert {finding["path"] for finding in findings} == {"b\\x1b[2J\\u202e.md"}
    assert any("http://news.ex.com/\\x1b]52;c;ZXZpbA==\\x07x" in finding["message"] for finding in findings)
    assert any("\\u202eevil\\u202c \\x9b31m" in finding["source"] for finding in findings if finding["source"])
    assert any(finding["line"] == 8 and finding["source"].startswith("\t") for finding in findings)  # a tab stays a tab


# --------------------------------------------------------------------------- the command's messages


def test_configuration_and_output_errors_show_the_path_escaped(tmp_path: Path) -> None:
    code, _, err = artlint("check", "--config", f"evil{CLIPBOARD}.toml", ".", cwd=tmp_path, exact=True)
    assert (code, err) == (2, "artlint: error: evil\\x1b]52;c;ZXZpbA==\\x07.toml: no such configuration file\n")
    write(tmp_path, {"a.md": FRONT + "Fine.\n"})
    code, _, err = artlint("check", "--offline", "--output", f"gone{CLEAR}/report.txt", ".", cwd=tmp_path, exact=True)
    assert (code, err) == (2, "artlint: error: --output gone\\x1b[2J/report.txt: No such file or directory\n")


def test_fix_errors_show_the_file_name_escaped(tmp_path: Path) -> None:
    name = f"read-only{CLEAR}\n.md"
    write(tmp_path, {name: FRONT + "[paper](http://www.nature.com/articles/s41586-020-2649-2)\n"})
    (tmp_path / name).chmod(0o444)
    code, _, err = artlint("check", "--offline", "--no-cache", "--fix", ".", cwd=tmp_path, exact=True)
    assert code == 1
    assert err.splitlines() == [
        "artlint: read-only\\x1b[2J\\n.md: not fixed: the file is read-only (nothing was changed)",
        "artlint: fixed 0 findings in 0 files",
    ]


def test_cache_clear_shows_the_folder_escaped(tmp_path: Path) -> None:
    write(tmp_path, {"artlint.toml": '[network]\ncache = "cache\\u001b[2J"\n'})
    code, out, _ = artlint("cache", "clear", cwd=tmp_path, exact=True)
    assert code == 0
    assert out.startswith("removed 0 cache files from ") and out.endswith("cache\\x1b[2J\n")


# --------------------------------------------------------------------------- what a server answers


def test_a_hostile_reason_phrase_is_kept_by_the_client_and_shown_escaped(tmp_path: Path) -> None:
    with PlantedServer() as server:
        write(
            tmp_path,
            {
                "artlint.toml": '[network]\ncheck-private = true\ncache = "cache"\n',
                "a.md": FRONT + f"[a page]({server.base}/hostile-reason)\n",
            },
        )
        code, out, _ = artlint("check", "--select", "link-broken", "--format", "json", ".", cwd=tmp_path, exact=True)
        assert code == 1
        assert [finding["message"] for finding in json.loads(out)["findings"]] == [f"broken link: 404 {HOSTILE_REASON}"]
        _, out, _ = artlint("check", "--select", "link-broken", ".", cwd=tmp_path, exact=True)
    assert not any(UNSAFE.search(line) for line in out.split("\n")), out
    assert "link-broken  broken link: 404 Not\\x1b]52;c;ZXZpbA==\\x07Found\n" in out


# --------------------------------------------------------------------------- JSON and SARIF keep them

NAME = f"b{CLEAR}\n\u202e.md"
URL_MESSAGE = f"bare URL: write it as a link, [text](http://news.ex.com/{CLIPBOARD}x)"
BIDI_MESSAGE = "bare URL: write it as a link, [text](http://news.ex.org/\u202e\x9b31m\x7f)"


def test_json_report_keeps_control_characters_as_json_escapes(tmp_path: Path) -> None:
    write(tmp_path, {NAME: _hostile_article()})
    _, out, _ = artlint("check", "--offline", "--no-cache", "--format", "json", ".", cwd=tmp_path, exact=True)
    assert '"path": "b\\u001b[2J\\n\\u202e.md"' in out
    assert "http://news.ex.org/\\u202e\\u009b31m\\u007f" in out  # which json.dumps would write raw
    assert not UNSAFE.search(out.replace("\n", ""))
    findings = json.loads(out)["findings"]
    assert {finding["path"] for finding in findings} == {NAME}
    assert URL_MESSAGE in [finding["message"] for finding in findings]
    assert BIDI_MESSAGE in [finding["message"] for finding in findings]


def test_sarif_report_keeps_control_characters_as_json_escapes(tmp_path: Path) -> None:
    write(tmp_path, {NAME: _hostile_article()})
    _, out, _ = artlint("check", "--offline", "--no-cache", "--format", "sarif", ".", cwd=tmp_path, exact=True)
    assert "http://news.ex.com/\\u001b]52;c;ZXZpbA==\\u0007x" in out
    assert "http://news.ex.org/\\u202e\\u009b31m\\u007f" in out
    assert not UNSAFE.search(out.replace("\n", ""))
    results = json.loads(out)["runs"][0]["results"]
    assert {URL_MESSAGE, BIDI_MESSAGE} <= {result["message"]["text"] for result in results}
    uris = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in results}
    assert {unquote(uri) for uri in uris} == {NAME}


def test_a_report_file_linked_out_of_the_project_is_not_written_through(tmp_path: Path) -> None:
    victim = write(tmp_path, {"home/.bashrc": "the user's own\n"}) / "home" / ".bashrc"
    site = write(tmp_path / "site", {"artlint.toml": "", "a.md": "No front matter.\n"})
    (site / "report.html").symlink_to(victim)  # committed with the pull request
    (site / "null").symlink_to(os.devnull)
    code, out, err = artlint("check", "--offline", "--format", "html", "--output", "report.html", ".", cwd=site)
    assert code == 2 and "symbolic link out of the project" in err
    assert victim.read_text(encoding="utf-8") == "the user's own\n"
    code, out, err = artlint("check", "--offline", "--output", "null", ".", cwd=site)
    assert code == 1, err
