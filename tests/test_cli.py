"""End-to-end tests of the command line: formats, exit codes, configuration errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from helpers import BAD_DATE, GOOD, NO_FRONT_MATTER, REPO, artlint, write

SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write(tmp_path, {"content/good.md": GOOD, "content/bare.md": NO_FRONT_MATTER, "content/date.md": BAD_DATE})


def test_text_report_groups_by_file_with_source_lines_and_summary(site: Path) -> None:
    code, out, err = artlint("check", "content", cwd=site)
    assert code == 1, err
    assert "content/bare.md:1:1  warning  front-matter-missing  no front matter" in out
    assert "content/date.md:3:7  error  front-matter-invalid-date  date: '2021-02-30' is not a real date" in out
    assert "    3 │ date: 2021-02-30\n      │       ^^^^^^^^^^\n" in out
    assert re.search(r"2 findings in 3 files \(\d+\.\d\d s\): 1 error, 1 warning", out)
    assert "\x1b[" not in out  # not a terminal: no colour


def test_quiet_prints_only_findings(site: Path) -> None:
    code, out, _ = artlint("check", "--quiet", "content", cwd=site)
    assert code == 1
    assert out.splitlines() == [
        "content/bare.md:1:1  warning  front-matter-missing  no front matter: the article has no title, date or tags for the site",
        "content/date.md:3:7  error  front-matter-invalid-date  date: '2021-02-30' is not a real date: February 2021 has 28 days",
    ]


def test_statistics_counts_per_rule(site: Path) -> None:
    _, out, _ = artlint("check", "--statistics", "content", cwd=site)
    assert re.search(r"^\s+1\s+error\s+front-matter-invalid-date$", out, re.M)
    assert re.search(r"^\s+1\s+warning\s+front-matter-missing$", out, re.M)


def test_json_report_shape(site: Path) -> None:
    code, out, _ = artlint("check", "--format", "json", "content", cwd=site)
    assert code == 1
    report = json.loads(out)
    assert report["version"] == 1
    assert [f["rule"] for f in report["findings"]] == ["front-matter-missing", "front-matter-invalid-date"]
    first = report["findings"][1]
    assert first == {
        "path": "content/date.md",
        "line": 3,
        "column": 7,
        "end_line": 3,
        "end_column": 17,
        "rule": "front-matter-invalid-date",
        "severity": "error",
        "message": "date: '2021-02-30' is not a real date: February 2021 has 28 days",
        "fix": None,
    }
    assert report["summary"]["files"] == 3
    assert report["summary"]["by_severity"] == {"error": 1, "warning": 1, "info": 0}
    assert report["summary"]["by_rule"] == {"front-matter-invalid-date": 1, "front-matter-missing": 1}


def test_sarif_of_the_examples_validates_against_the_schema() -> None:
    code, out, err = artlint("check", "--offline", "--format", "sarif", "examples/", cwd=REPO)
    assert code == 1, err
    sarif = json.loads(out)
    jsonschema.validate(sarif, SARIF_SCHEMA)
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    from artlint.config import load_config
    from artlint.rules import all_rules

    load_config(start=REPO / "examples")  # its style packs' rules are listed too, after artlint's own
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == list(all_rules())
    assert any(rule["id"] == "house.plain-words" for rule in run["tool"]["driver"]["rules"])
    assert run["results"], "the example articles have findings"
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_sarif_related_locations_validate(tmp_path: Path) -> None:
    write(tmp_path, {"dup.md": "---\ntitle: a\ndate: 2024-01-01\ntitle: b\n---\n\ntext\n"})
    _, out, _ = artlint("check", "--format", "sarif", "dup.md", cwd=tmp_path)
    sarif = json.loads(out)
    jsonschema.validate(sarif, SARIF_SCHEMA)
    result = sarif["runs"][0]["results"][0]
    assert result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 2


def test_github_annotations_are_escaped(tmp_path: Path) -> None:
    write(tmp_path, {"a,b:c.md": "---\ntitle: 100%\ndate: soon\n---\n\ntext\n"})
    code, out, _ = artlint("check", "--format", "github", ".", cwd=tmp_path)
    assert code == 1
    assert out == (
        "::error file=a%2Cb%3Ac.md,line=3,col=7,endLine=3,endColumn=11,title=front-matter-invalid-date::"
        "date: 'soon' is not an ISO 8601 date such as 2024-05-31 or 2024-05-31T08:00:00+08:00\n"
    )


def test_github_levels(site: Path) -> None:
    _, out, _ = artlint("check", "--format", "github", "content", cwd=site)
    assert out.startswith("::warning file=content/bare.md,line=1,col=1,")
    assert "::error file=content/date.md,line=3," in out


@pytest.mark.parametrize(
    "fail_on, expected",
    [("error", 1), ("warning", 1), ("info", 1), ("never", 0)],
)
def test_fail_on_thresholds(site: Path, fail_on: str, expected: int) -> None:
    assert artlint("check", "--fail-on", fail_on, "content", cwd=site)[0] == expected


def test_warnings_only_pass_with_fail_on_error(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": NO_FRONT_MATTER})
    assert artlint("check", "--fail-on", "error", ".", cwd=tmp_path)[0] == 0
    assert artlint("check", ".", cwd=tmp_path)[0] == 1  # default: warning


def test_clean_run_exits_zero(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": GOOD})
    code, out, _ = artlint("check", cwd=tmp_path)
    assert code == 0
    assert "No findings in 1 file" in out


def test_output_file(site: Path) -> None:
    code, out, _ = artlint("check", "--format", "json", "--output", "report.json", "content", cwd=site)
    assert code == 1 and out == ""
    assert json.loads((site / "report.json").read_text("utf-8"))["summary"]["findings"] == 2


def test_select_and_ignore(site: Path) -> None:
    _, out, _ = artlint("check", "--quiet", "--select", "front-matter-missing", "content", cwd=site)
    assert "front-matter-invalid-date" not in out and "front-matter-missing" in out
    _, out, _ = artlint("check", "--quiet", "--ignore", "front-matter-missing", "content", cwd=site)
    assert "front-matter-missing" not in out and "front-matter-invalid-date" in out
    _, out, _ = artlint("check", "--quiet", "--select", "front-matter", "content", cwd=site)
    assert "front-matter-missing" in out and "front-matter-invalid-date" in out


@pytest.mark.parametrize(
    "config, message",
    [
        ('selct = ["ALL"]\n', "artlint.toml:1: unknown key 'selct' in the configuration; did you mean 'select'?"),
        ('fail-on = "warnings"\n', "artlint.toml:1: fail-on: expected one of error, warning, info, never, got 'warnings'"),
        ('[rules.front-matter-requird]\nkeys = ["title"]\n', "artlint.toml:1: unknown key 'front-matter-requird' in [rules]; did you mean 'front-matter-required'?"),
        ('[rules.front-matter-required]\nkey = ["title"]\n', "artlint.toml:2: unknown key 'key' in [rules].front-matter-required; did you mean 'keys'?"),
        ('[rules.front-matter-required]\nkeys = "title"\n', "artlint.toml:2: [rules].front-matter-required.keys: expected a list, got the string 'title'"),
        ('[rules.front-matter-missing]\nseverity = "fatal"\n', "artlint.toml:2: [rules].front-matter-missing.severity: expected one of 'error', 'warning', 'info', 'off'"),
        ('[network]\ntimeout = "10"\n', "artlint.toml:2: timeout: expected a number, got the string '10'"),
        ('[network]\nper_host = 8\n', "artlint.toml:2: unknown key 'per_host' in [network]; did you mean 'per-host'?"),
        ('[network]\ncache-ttl = "one day"\n', "artlint.toml:2: cache-ttl: expected seconds or a duration such as '12h' or '1d', got the string 'one day'"),
        ('[doi]\nresolver = "doi.org"\n', "artlint.toml:2: doi.resolver: expected an http(s) URL"),
        ('select = ["front-matter-mising"]\n', "artlint.toml:1: select: unknown rule or family 'front-matter-mising'; did you mean 'front-matter-missing'?"),
        ('select = [\n', "artlint.toml: invalid TOML: invalid value at the end of the file"),
        ('[[overrides]]\nselect = ["ALL"]\n', "artlint.toml:1: each [[overrides]] needs paths = [globs]"),
        ('exclude = ["[z-a]"]\n', "artlint.toml:1: exclude: '[z-a]' is not a glob artlint can use (bad character range z-a)"),
        ('[[overrides]]\npaths = ["[b-a]"]\n', "artlint.toml:2: paths: '[b-a]' is not a glob artlint can use"),
        ("max-file-size = " + "9" * 5000 + "\n", "artlint.toml:1: a number with thousands of digits is no setting"),
        ("max-file-size = 0\n", "artlint.toml:1: max-file-size: expected 1 to 2,147,483,648, got 0"),
        ("[network]\ntimeout = 1e300\n", "artlint.toml:2: timeout: 1e+300 is not a number artlint can use"),
        ("[network]\ntimeout = nan\n", "artlint.toml:2: timeout: nan is not a number artlint can use"),
        ("[network]\nretries = 100000\n", "artlint.toml:2: network.retries: expected 0 to 20, got 100,000"),
        ('[network]\ncache-ttl = "99999999999w"\n', "artlint.toml:2: network.cache-ttl: expected 0 to "),
        ('[rules.image-alt-text]\nfile-name-pattern = "(x"\n', "artlint.toml:2: [rules].image-alt-text.file-name-pattern: '(x' is not a regular expression"),
        ('[rules.near-duplicate-article]\nignore = ["[z-a]"]\n', "artlint.toml:2: [rules].near-duplicate-article.ignore: '[z-a]' is not a glob"),
    ],
)
def test_configuration_errors_exit_2_with_a_located_message(tmp_path: Path, config: str, message: str) -> None:
    write(tmp_path, {"artlint.toml": config, "a.md": GOOD})
    code, out, err = artlint("check", ".", cwd=tmp_path)
    assert code == 2
    assert out == ""
    assert err.startswith(f"artlint: error: {message}"), err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_usage_errors_exit_2_without_traceback(tmp_path: Path) -> None:
    for args, text in [
        (("check", "--select", "front-matter-mising", "."), "did you mean 'front-matter-missing'?"),
        (("check", "--format", "xml", "."), "invalid choice: 'xml'"),
        (("explain", "front-matter-requird"), "did you mean 'front-matter-required'?"),
        (("check", "--config", "missing.toml", "."), "missing.toml: no such configuration file"),
    ]:
        code, _, err = artlint(*args, cwd=tmp_path)
        assert code == 2, args
        assert text in err and "Traceback" not in err


def test_config_is_found_walking_up_and_first_directory_wins(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "artlint.toml": 'ignore = ["front-matter-missing"]\n',
            "site/pyproject.toml": '[project]\nname = "x"\n',  # no [tool.artlint]: does not count
            "site/content/a.md": NO_FRONT_MATTER,
        },
    )
    code, out, _ = artlint("check", "content", cwd=tmp_path / "site")
    assert code == 0, out
    write(tmp_path, {"site/pyproject.toml": '[tool.artlint]\nfail-on = "never"\n'})
    code, out, _ = artlint("check", "--quiet", "content", cwd=tmp_path / "site")
    assert code == 0 and "front-matter-missing" in out  # the nearer pyproject wins, whole


def test_explicit_config_and_dot_artlint_toml(tmp_path: Path) -> None:
    write(tmp_path, {".artlint.toml": 'ignore = ["front-matter"]\n', "x.toml": "", "a.md": NO_FRONT_MATTER})
    assert artlint("check", ".", cwd=tmp_path)[0] == 0
    assert artlint("check", "--config", "x.toml", ".", cwd=tmp_path)[0] == 1


def test_overrides_per_path_and_rule_options(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "artlint.toml": (
                '[rules.front-matter-required]\nkeys = ["title", "date", "author"]\n'
                '[[overrides]]\npaths = ["content/imported/**"]\nignore = ["front-matter-missing"]\n'
                '[overrides.rules.front-matter-required]\nkeys = ["title"]\n'
            ),
            "content/own.md": GOOD,
            "content/imported/old.md": NO_FRONT_MATTER,
            "content/imported/partial.md": "+++\ntitle = \"t\"\n+++\n",
        },
    )
    code, out, _ = artlint("check", "--quiet", ".", cwd=tmp_path)
    assert out.splitlines() == ["content/own.md:1:1  error  front-matter-required  required key 'author' is missing"]


def test_a_pyproject_with_only_overrides_is_the_configuration(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[project]\nname = "site"\n\n[[tool.artlint.overrides]]\npaths = ["imported/**"]\nignore = ["front-matter"]\n',
            "imported/old.md": NO_FRONT_MATTER,
            "own.md": NO_FRONT_MATTER,
        },
    )
    code, out, _ = artlint("check", "--offline", "--quiet", ".", cwd=tmp_path)
    assert [line.split(":")[0] for line in out.splitlines()] == ["own.md"]


def test_overrides_match_after_the_working_directory_changed(tmp_path: Path, monkeypatch) -> None:
    from artlint.config import load_config

    write(tmp_path / "site", {"artlint.toml": '[[overrides]]\npaths = ["imported/**"]\nignore = ["front-matter"]\n'})
    config = load_config(str(tmp_path / "site" / "artlint.toml"))
    monkeypatch.chdir(tmp_path / "site")
    assert not any(s.name.startswith("front-matter") for s in config.rules_for_path("imported/old.md"))
    monkeypatch.chdir(tmp_path)
    assert not any(s.name.startswith("front-matter") for s in config.rules_for_path("site/imported/old.md"))


def test_severity_from_config(tmp_path: Path) -> None:
    write(tmp_path, {"artlint.toml": '[rules.front-matter-missing]\nseverity = "info"\n', "a.md": NO_FRONT_MATTER})
    code, out, _ = artlint("check", "--quiet", ".", cwd=tmp_path)
    assert code == 0 and "  info  front-matter-missing" in out
    write(tmp_path, {"artlint.toml": '[rules.front-matter-missing]\nseverity = "off"\n'})
    assert artlint("check", "--quiet", ".", cwd=tmp_path)[1] == ""


def test_discovery_skips_hidden_node_modules_public_and_excludes(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "artlint.toml": 'extend-exclude = ["drafts/**"]\nextensions = ["md", "mdx"]\n',
            "a.md": NO_FRONT_MATTER,
            "b.mdx": NO_FRONT_MATTER,
            "c.txt": NO_FRONT_MATTER,
            ".hidden/d.md": NO_FRONT_MATTER,
            "node_modules/pkg/e.md": NO_FRONT_MATTER,
            "public/f.md": NO_FRONT_MATTER,
            "drafts/g.md": NO_FRONT_MATTER,
        },
    )
    _, out, _ = artlint("check", "--quiet", cwd=tmp_path)
    assert [line.split(":")[0] for line in out.splitlines()] == ["a.md", "b.mdx"]
    # Files named explicitly are always checked, whatever their name or place.
    _, out, _ = artlint("check", "--quiet", "drafts/g.md", "c.txt", ".hidden/d.md", cwd=tmp_path)
    assert [line.split(":")[0] for line in out.splitlines()] == [".hidden/d.md", "c.txt", "drafts/g.md"]
    # A hidden directory named on the command line is walked.
    _, out, _ = artlint("check", "--quiet", ".hidden", cwd=tmp_path)
    assert [line.split(":")[0] for line in out.splitlines()] == [".hidden/d.md"]


def test_suppression_comments(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "file.md": "<!-- artlint-disable-file front-matter-missing -->\ntext\n",
            "all.md": "<!-- artlint-disable-file -->\ntext\n",
            "next.md": "<!-- artlint-disable-next-line front-matter-missing -->\n\ntext\n",
            "yaml-line.md": "---\ntitle: t\ndate: soon # <!-- artlint-disable-line front-matter-invalid-date -->\n---\n",
            # the form the README documents for front matter: a YAML or TOML comment
            "yaml-hash.md": "---\ntitle: t  # 'a # artlint-disable-line x' in quotes is text\ndate: soon # artlint-disable-line front-matter-invalid-date\n---\n",
            "toml-hash.md": '+++\ntitle = "t # artlint-disable-line x"\n# artlint-disable-next-line front-matter-invalid-date\ndate = "soon"\n+++\n',
            "code.md": "```\n<!-- artlint-disable-file -->\n```\n",
        },
    )
    _, out, _ = artlint("check", "--quiet", ".", cwd=tmp_path)
    # next.md: the directive covers line 2, the finding is on line 1 (and the directive is
    # unused); code.md: not a directive in code
    assert [line.split("  ")[0] + " " + line.split("  ")[2] for line in out.splitlines()] == [
        "code.md:1:1 front-matter-missing",
        "next.md:1:1 front-matter-missing",
        "next.md:1:1 unused-suppression",
    ]


def test_suppression_next_line_and_ranges(tmp_path: Path) -> None:
    text = (
        "---\n"
        "title: t\n"
        "date: 2024-01-01\n"
        "---\n"
        "<!-- artlint-disable-next-line -->\n"
    )
    write(tmp_path, {"a.md": text})
    from artlint.suppression import parse_suppressions

    body = "a\n<!-- artlint-disable x, y -->\nb\n<!-- artlint-enable x -->\nc\n<!-- artlint-disable-next-line z -->\nd\n"
    lines = body.split("\n")
    starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]
    result = parse_suppressions(body, lambda offset: max(i for i, s in enumerate(starts) if s <= offset) + 1, lambda _: False)
    assert not result.suppresses("x", 1)
    assert result.suppresses("x", 3) and result.suppresses("y", 3)
    assert not result.suppresses("x", 5) and result.suppresses("y", 5)
    assert result.suppresses("z", 7) and not result.suppresses("z", 6)


def test_rules_explain_and_version(tmp_path: Path) -> None:
    code, out, _ = artlint("rules", cwd=tmp_path)
    assert code == 0
    assert re.search(r"front-matter-required\s+front-matter\s+error\s+on", out)
    code, out, _ = artlint("rules", "--format", "json", cwd=tmp_path)
    listed = {row["name"]: row for row in json.loads(out)}
    assert {"family": "file", "severity": "error", "state": "on"}.items() <= listed["file-unreadable"].items()
    code, out, _ = artlint("explain", "front-matter-required", cwd=tmp_path)
    assert code == 0
    for heading in ("### What it finds", "### Why it matters", "### Example", "### Options"):
        assert heading in out
    assert '| `keys` | `list[string]` | `["title", "date"]` |' in out
    code, out, _ = artlint("--version", cwd=tmp_path)
    from artlint import __version__

    assert code == 0 and out.strip() == f"artlint {__version__}"


def test_bare_paths_mean_check(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": NO_FRONT_MATTER})
    assert artlint("a.md", cwd=tmp_path)[0] == 1


def test_corpus_rules_compare_named_files_with_the_whole_project(tmp_path: Path) -> None:
    """As under pre-commit: only the changed file is named, the others are read for comparison."""
    body = (
        "Deep sleep helps to consolidate memory, the study of forty volunteers found. Every volunteer "
        "slept in the laboratory for a week, wearing a cap of sensors, and took a vocabulary test each "
        "morning. Those who slept longest knew the most words, and the waves their brains made at night "
        "were slow and wide. The authors think that sleep replays the day's events, and that every "
        "replay makes a memory stronger. Reviewers who took no part in the work asked whether the "
        "effect would be seen at home, away from the wires and the noise of a laboratory, and the "
        "team plans a larger study with wearable devices next year."
    )
    write(
        tmp_path,
        {
            "artlint.toml": 'select = ["duplicate-title", "near-duplicate-article"]\n',
            "content/old.md": f'+++\ntitle = "Deep sleep and memory"\ndate = 2023-01-01\n+++\n\n{body}\n',
            "content/other.md": '+++\ntitle = "Other"\ndate = 2023-02-01\n+++\n\nSomething else entirely.\n',
            "content/new.md": f'+++\ntitle = "Deep Sleep and Memory"\ndate = 2023-06-01\n+++\n\n{body}\n',
        },
    )
    code, out, _ = artlint("check", "--quiet", "content/new.md", cwd=tmp_path)
    assert code == 1
    assert out.splitlines() == [
        "content/new.md:1:1  warning  near-duplicate-article  near-duplicate of content/old.md (similarity 1.00)",
        "content/new.md:2:9  warning  duplicate-title  same title as content/old.md: 'Deep Sleep and Memory'",
    ]
    # The older file, named alone, gets the findings of its pairs too; the third file none.
    _, out, _ = artlint("check", "--quiet", "content/old.md", "content/other.md", cwd=tmp_path)
    assert [line.split("  ")[0] for line in out.splitlines()] == ["content/old.md:1:1", "content/old.md:2:9"]


def test_a_site_gives_the_same_findings_from_its_root_a_subfolder_and_elsewhere(tmp_path: Path) -> None:
    import subprocess

    site = write(
        tmp_path / "site",
        {
            "artlint.toml": '[rules.front-matter-required]\nkeys = ["title", "author"]\n',
            "content/a.md": '---\ntitle: "Same"\ndate: 2024-01-02\n---\n\nText with [a link](missing.md).\n',
            "content/b.md": '---\ntitle: "Same"\ndate: 2024-01-03\n---\n\nOther text.\n',
        },
    )
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    elsewhere = write(tmp_path / "elsewhere", {"artlint.toml": 'ignore = ["ALL"]\n'})

    def findings(cwd: Path, *arguments: str) -> list[tuple]:
        code, out, err = artlint("check", "--offline", "--format", "json", *arguments, cwd=cwd)
        assert code in (0, 1), err
        return sorted((Path(f["path"]).name, f["line"], f["rule"]) for f in json.loads(out)["findings"])

    from_root = findings(site, ".")
    assert {rule for _, _, rule in from_root} >= {"duplicate-title", "front-matter-required", "link-target-missing"}
    assert findings(site / "content", ".") == from_root
    assert findings(elsewhere, str(site)) == from_root
    assert findings(elsewhere, str(site / "content" / "a.md")) == findings(site, "content/a.md")


def test_the_first_of_a_title_group_checked_alone_is_reported_once(tmp_path: Path) -> None:
    """Checked alone (as pre-commit does), the earliest of three posts with one title gets one
    finding, not one per later twin."""
    posts = {
        f"content/post-{day}.md": f'+++\ntitle = "Deep sleep and memory"\ndate = 2023-01-{day}\n+++\n\nPost of day {day}.\n'
        for day in ("01", "02", "03")
    }
    write(tmp_path, {"artlint.toml": 'select = ["duplicate-title"]\n', **posts})
    code, out, _ = artlint("check", "--quiet", "content/post-01.md", cwd=tmp_path)
    assert code == 1
    assert [line for line in out.splitlines() if "duplicate-title" in line] == [
        "content/post-01.md:2:9  warning  duplicate-title  same title as content/post-02.md: 'Deep sleep and memory'"
    ]
