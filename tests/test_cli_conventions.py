"""The command line's conventions, as ruff and markdownlint users expect them: standard input,
--extend-select and --extend-ignore, --exit-zero, --color, -q, --output-format, options in any
place, usage errors for unknown commands and options, --force-exclude, piped output; and the
suppression comments' own findings (unused-suppression) as a real run gives them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import BAD_DATE, GOOD, NO_FRONT_MATTER, artlint, write

# A link to a sibling that exists in content/posts/, an insecure link to a host that
# link-insecure fixes, and a doubled word.
ARTICLE = """---
title: Stdin
date: 2024-05-31
---

See [the sibling](sibling.md) and [the paper](http://doi.org/10.1000/1) and the the rest.
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write(
        tmp_path,
        {
            "artlint.toml": '[rules.front-matter-required]\nkeys = ["title", "date", "author"]\n'
            '[[overrides]]\npaths = ["content/posts/**"]\n[overrides.rules.front-matter-required]\nkeys = ["title"]\n',
            "content/posts/sibling.md": GOOD,
        },
    )


# --------------------------------------------------------------------------- standard input


def test_stdin_is_checked_as_the_file_named_by_stdin_filename(site: Path) -> None:
    elsewhere = site / "elsewhere"
    elsewhere.mkdir()
    code, out, err = artlint("check", "--offline", "-q", "-", "--stdin-filename", str(site / "content/posts/x.md"), cwd=elsewhere, input=ARTICLE)
    assert code == 1, err
    lines = out.splitlines()
    assert all(line.startswith(f"{site / 'content/posts/x.md'}:6:") for line in lines), out
    rules = [line.split("  ")[2] for line in lines]
    # the override's keys (no author wanted), the sibling found next to that path
    assert rules == ["link-insecure", "duplicate-word"]

    code, out, _ = artlint("check", "--offline", "-q", "-", "--stdin-filename", "content/posts/x.md", cwd=site, input=ARTICLE)
    assert [line.split(":")[0] for line in out.splitlines()] == ["content/posts/x.md"] * 2


def test_stdin_without_a_file_name_is_dash_under_the_current_configuration(site: Path) -> None:
    code, out, _ = artlint("--offline", "-q", "-", cwd=site, input=ARTICLE)
    assert code == 1
    assert out.splitlines() == [
        "-:1:1  error  front-matter-required  required key 'author' is missing",
        "-:6:19  error  link-target-missing  link target 'sibling.md' not found",
        "-:6:47  warning  link-insecure  [*] insecure http:// link: doi.org serves https://",
        "-:6:77  warning  duplicate-word  doubled word 'the the'",
    ]


def test_stdin_fix_writes_the_fixed_article_alone_to_stdout(site: Path) -> None:
    code, out, err = artlint("check", "--offline", "-", "--stdin-filename", "content/posts/x.md", "--fix", cwd=site, input=ARTICLE, exact=True)
    assert out == ARTICLE.replace("http://doi.org", "https://doi.org")
    assert code == 1  # the doubled word is left (its fix is unsafe)
    assert "fixed 1 finding in 1 file" in err
    assert "content/posts/x.md:6:78  warning  duplicate-word" in err
    assert not (site / "content/posts/x.md").exists()

    code, out, err = artlint("check", "--offline", "-", "--fix", "--unsafe-fixes", "--stdin-filename", "content/posts/x.md", cwd=site, input=ARTICLE, exact=True)
    assert code == 0, err
    assert out == ARTICLE.replace("http://doi.org", "https://doi.org").replace("the the", "the")


def test_stdin_diff_and_mixing_stdin_with_paths(site: Path) -> None:
    code, out, err = artlint("check", "--offline", "--diff", "-", "--stdin-filename", "content/posts/x.md", cwd=site, input=ARTICLE)
    assert code == 1
    assert out.startswith("--- a/content/posts/x.md\n+++ b/content/posts/x.md\n")
    assert "+See [the sibling](sibling.md) and [the paper](https://doi.org/10.1000/1)" in out
    code, _, err = artlint("check", "-", "content", cwd=site, input=ARTICLE)
    assert code == 2 and "cannot be checked together with other paths" in err
    code, _, err = artlint("check", "content", "--stdin-filename", "x.md", cwd=site)
    assert code == 2 and "give - as the path" in err


# --------------------------------------------------------------------------- options


def test_extend_select_adds_and_wins_over_the_configuration(tmp_path: Path) -> None:
    sentence = "This sentence is long enough to be compared with the others."
    text = f"---\ntitle: t\ndate: 2024-01-01\n---\n\n{sentence} And another one. {sentence}\n"
    write(tmp_path, {"artlint.toml": 'ignore = ["duplicate-paragraph"]\n', "a.md": text})
    _, out, _ = artlint("check", "--offline", "-q", "a.md", cwd=tmp_path)
    assert out == ""  # duplicate-sentence is off by default
    _, out, _ = artlint("check", "--offline", "-q", "--extend-select", "duplicate-sentence,duplicate-paragraph", "a.md", cwd=tmp_path)
    assert [line.split("  ")[2] for line in out.splitlines()] == ["duplicate-sentence"]
    _, out, _ = artlint("check", "--offline", "-q", "--extend-select", "duplicate", "--extend-ignore", "duplicate-sentence", "a.md", cwd=tmp_path)
    assert out == ""
    code, _, err = artlint("check", "--extend-select", "duplicate-sentense", "a.md", cwd=tmp_path)
    assert code == 2 and "--extend-select: unknown rule or family 'duplicate-sentense'; did you mean 'duplicate-sentence'?" in err


def test_exit_zero_quiet_and_output_format(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": BAD_DATE})
    code, out, _ = artlint("check", "--offline", "--exit-zero", "-q", "a.md", cwd=tmp_path)
    assert code == 0 and out.startswith("a.md:3:7  error  front-matter-invalid-date")
    code, out, _ = artlint("check", "--offline", "--output-format", "json", "a.md", cwd=tmp_path)
    assert code == 1 and json.loads(out)["findings"][0]["rule"] == "front-matter-invalid-date"
    assert artlint("check", "--offline", "--exit-zero", "--config", "missing.toml", "a.md", cwd=tmp_path)[0] == 2


def test_options_may_come_before_the_command_and_the_paths(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": NO_FRONT_MATTER})
    expected = artlint("check", "a.md", "--offline", "--quiet", cwd=tmp_path)
    assert expected[0] == 1 and expected[1]
    for arguments in (
        ("--offline", "--quiet", "a.md"),
        ("--offline", "a.md", "-q"),
        ("--offline", "-q", "check", "a.md"),
        ("-j", "1", "--offline", "-q", "a.md"),
        ("--fail-on", "warning", "--offline", "-q", "a.md"),
    ):
        assert artlint(*arguments, cwd=tmp_path)[:2] == expected[:2], arguments
    code, out, _ = artlint("--format", "json", "rules", cwd=tmp_path)
    assert code == 0 and json.loads(out)[0]["name"]


def test_unknown_commands_and_options_are_usage_errors(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": NO_FRONT_MATTER, "content/b.md": NO_FRONT_MATTER})
    for arguments, said in [
        (("chek", "a.md"), "'chek' is neither a command (check, rules, explain, cache, site, server, init, config) nor a file or folder; did you mean 'check'?"),
        (("--offline", "explian"), "did you mean 'explain'?"),
        (("check", "--ofline", "a.md"), "unrecognized arguments: --ofline"),
        (("--ofline", "a.md"), "unrecognized arguments: --ofline"),
        (("--off", "a.md"), "unrecognized arguments: --off"),  # no abbreviations
    ]:
        code, out, err = artlint(*arguments, cwd=tmp_path)
        assert code == 2, arguments
        assert out == ""
        assert err.startswith("usage: artlint check "), err
        assert said in err and "Traceback" not in err
    code, _, err = artlint("rules", "--bogus", cwd=tmp_path)
    assert code == 2 and err.startswith("usage: artlint rules ")
    # A bare word that exists is a path; one that looks like a path is checked (and missing).
    assert artlint("content", cwd=tmp_path)[0] == 1
    code, out, _ = artlint("-q", "missing.md", cwd=tmp_path)
    assert code == 1 and out == "missing.md:1:1  error  file-unreadable  no such file\n"


def test_force_exclude_applies_exclude_to_named_files(tmp_path: Path) -> None:
    write(tmp_path, {"artlint.toml": 'extend-exclude = ["drafts"]\n', "drafts/a.md": NO_FRONT_MATTER, "b.md": NO_FRONT_MATTER, ".github/c.md": NO_FRONT_MATTER})
    _, out, _ = artlint("check", "--offline", "-q", "drafts/a.md", "b.md", ".github/c.md", cwd=tmp_path)
    assert [line.split(":")[0] for line in out.splitlines()] == [".github/c.md", "b.md", "drafts/a.md"]
    _, out, _ = artlint("check", "--offline", "-q", "--force-exclude", "drafts/a.md", "b.md", ".github/c.md", "drafts", cwd=tmp_path)
    assert [line.split(":")[0] for line in out.splitlines()] == ["b.md"]
    code, out, _ = artlint("check", "--offline", "--force-exclude", "--fix", "-", "--stdin-filename", "drafts/x.md", cwd=tmp_path, input=NO_FRONT_MATTER)
    assert code == 0 and out == NO_FRONT_MATTER


# --------------------------------------------------------------------------- output


def test_colour_follows_the_option_then_no_color_then_force_color(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": NO_FRONT_MATTER})
    coloured = re.compile("\x1b\\[")
    assert not coloured.search(artlint("--offline", "a.md", cwd=tmp_path)[1])  # piped, NO_COLOR
    assert coloured.search(artlint("--offline", "--color", "always", "a.md", cwd=tmp_path)[1])
    assert coloured.search(artlint("--offline", "a.md", cwd=tmp_path, env={"NO_COLOR": "", "FORCE_COLOR": "1"})[1])
    assert not coloured.search(artlint("--offline", "a.md", "--color", "never", cwd=tmp_path, env={"NO_COLOR": "", "FORCE_COLOR": "1"})[1])
    assert not coloured.search(artlint("--offline", "a.md", cwd=tmp_path, env={"NO_COLOR": "1", "FORCE_COLOR": "1"})[1])


def test_piped_text_keeps_the_fixable_mark(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": GOOD + "\n[paper](http://doi.org/10.1000/1)\n"})
    _, out, _ = artlint("--offline", "a.md", cwd=tmp_path)
    assert "a.md:8:9  warning  link-insecure  [*] insecure http:// link" in out
    assert "[*] 1 fixable with `artlint check --fix`." in out


def test_rules_and_explain_read_well_when_piped(tmp_path: Path) -> None:
    from artlint.rules import all_rules

    code, out, _ = artlint("rules", cwd=tmp_path)
    assert code == 0
    lines = out.splitlines()
    assert re.match(r"rule\s+family\s+severity\s+state\s+summary$", lines[0])
    assert len(lines) == 1 + len(all_rules())  # one line a rule: no summary wrapped
    for line, (name, rule) in zip(lines[1:], all_rules().items(), strict=True):
        assert line.startswith(name + " ") and line.endswith(rule.summary())
    code, out, _ = artlint("explain", "unused-suppression", cwd=tmp_path)
    assert out.startswith("## unused-suppression\n") and "### What it finds" in out
    code, out, _ = artlint("explain", "unused-suppression", "--color", "always", cwd=tmp_path)
    assert code == 0 and "\x1b[" in out and "### What it finds" not in out and "What it finds" in out


# --------------------------------------------------------------------------- unused-suppression


def test_unused_suppressions_are_reported_and_fixed(tmp_path: Path) -> None:
    text = (
        "---\ntitle: t\ndate: 2024-01-01  # artlint-disable-line front-matter-invalid-date\n---\n\n"
        "<!-- artlint-disable-next-line duplicate-word -->\nThe the word.\n\n"
        "<!-- artlint-disable-next-line duplicate-word, link-empty -->\nThe the word again.\n\n"
        "<!-- artlint-disable-next-line link-empty -->\nNothing to suppress.\n"
    )
    write(tmp_path, {"a.md": text})
    for _ in range(2):  # the second run comes from the cache: the same findings
        code, out, _ = artlint("check", "--offline", "-q", "a.md", cwd=tmp_path)
        assert code == 0  # info
        assert out.splitlines() == [
            "a.md:3:19  info  unused-suppression  [*] unused suppression: front-matter-invalid-date reported nothing where it applies",
            "a.md:9:1  info  unused-suppression  [*] unused suppression: link-empty reported nothing where it applies",
            "a.md:12:1  info  unused-suppression  [*] unused suppression: link-empty reported nothing where it applies",
        ]
    # A rule that did not run says nothing: not reported.
    _, out, _ = artlint("check", "--offline", "-q", "--ignore", "link-empty,front-matter", "a.md", cwd=tmp_path)
    assert out == ""
    code, _, err = artlint("check", "--offline", "--fix", "a.md", cwd=tmp_path)
    assert code == 0 and "fixed 3 findings in 1 file" in err
    assert (tmp_path / "a.md").read_text("utf-8") == (
        "---\ntitle: t\ndate: 2024-01-01\n---\n\n"
        "<!-- artlint-disable-next-line duplicate-word -->\nThe the word.\n\n"
        "<!-- artlint-disable-next-line duplicate-word -->\nThe the word again.\n\n"
        "Nothing to suppress.\n"
    )


def test_suppressions_of_rules_across_files_are_never_judged(tmp_path: Path) -> None:
    """Checked with b.md, a.md gets no duplicate-title finding; checked alone, it does: its
    directive is neither used nor unused."""
    post = '+++\ntitle = "Same title"\ndate = 2024-01-0{day}\n+++\n\nPost {day}.\n'
    write(
        tmp_path,
        {
            "artlint.toml": 'select = ["duplicate-title", "unused-suppression", "duplicate-word"]\n',
            "a.md": post.format(day=1) + "<!-- artlint-disable-file duplicate-title -->\n",
            "b.md": post.format(day=2) + "<!-- artlint-disable-file duplicate-title, duplicate-word -->\n",
        },
    )
    for arguments in (["."], ["."], ["a.md"], ["b.md"]):  # cold, warm, as pre-commit names them
        code, out, _ = artlint("check", "--offline", "-q", *arguments, cwd=tmp_path)
        expected = [] if arguments == ["a.md"] else ["b.md:7:1  info  unused-suppression  [*] unused suppression: duplicate-word reported nothing in this file"]
        assert out.splitlines() == expected, arguments
