"""User rules of style packs (artlint.style, docs/style-rules.md): each kind on its fixture
folder under tests/fixtures/style/, whose pack `t` holds the rules and whose articles say the
findings they expect; then what a user rule shares with the built-in rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixture_runner import check_fixture, compare_with_snapshot
from helpers import artlint, write

from artlint.config import ConfigError, load_config
from artlint.rules import all_rules, builtin_rules

FIXTURES = Path(__file__).parent / "fixtures" / "style"
KINDS = ("existence", "substitution", "occurrence", "repetition", "capitalization", "conditional", "front-matter")


@pytest.mark.parametrize("kind", KINDS)
def test_fixture(kind: str) -> None:
    target = FIXTURES / kind
    expected, actual, messages, snapshot = check_fixture(target, "t")
    report = "\n".join(messages)
    assert expected, "the fixture expects findings"
    assert not expected - actual, f"expected but not reported: {sorted(expected - actual)}\nreported:\n{report}"
    assert not actual - expected, f"reported but not expected: {sorted(actual - expected)}\nreported:\n{report}"
    compare_with_snapshot(target, snapshot)


def test_every_kind_has_a_fixture() -> None:
    from artlint.style.loader import KINDS as LOADED

    assert set(LOADED) == set(KINDS)


HOUSE = """
[[rule]]
name = "no-utilize"
kind = "substitution"
severity = "warning"
message = "Use '{replacement}' rather than '{match}'."
description = '''Plain words read faster.
House style prefers the short word wherever it means the same.'''
link = "https://example.com/style#utilize"
scope = "prose"
swap = { utilize = "use", "in order to" = "to" }

[[rule]]
name = "banned"
kind = "existence"
severity = "error"
message = "Avoid '{match}'."
tokens = ["obviously", "显而易见"]
ignore-case = true
"""
ARTICLE = "# Notes\n\nWe utilize it in order to win, obviously.\n\n这显而易见。\n"


def _project(tmp_path: Path, config: str = '[style]\npaths = ["styles"]\n', **files: str) -> Path:
    return write(tmp_path, {"artlint.toml": config, "styles/house/words.toml": HOUSE, "a.md": ARTICLE, **files})


def _json(tmp_path: Path, *args: str) -> list[dict]:
    code, out, err = artlint("check", "--offline", "--no-cache", "--format", "json", *args, cwd=tmp_path)
    assert code in (0, 1), err
    return json.loads(out)["findings"]


def _rules_found(findings: list[dict]) -> list[str]:
    return [finding["rule"] for finding in findings]


def test_the_issues_example_pack_on_the_command_line(tmp_path: Path) -> None:
    _project(tmp_path)
    findings = _json(tmp_path, "--select", "house", "a.md")
    assert [(f["line"], f["column"], f["rule"], f["severity"], f["message"]) for f in findings] == [
        (3, 4, "house.no-utilize", "warning", "Use 'use' rather than 'utilize'."),
        (3, 15, "house.no-utilize", "warning", "Use 'to' rather than 'in order to'."),
        (3, 32, "house.banned", "error", "Avoid 'obviously'."),
        (5, 2, "house.banned", "error", "Avoid '显而易见'."),
    ]


def test_selecting_ignoring_and_severities_as_for_builtin_rules(tmp_path: Path) -> None:
    config = '[style]\npaths = ["styles"]\n[rules."house.banned"]\nseverity = "info"\n[[overrides]]\npaths = ["b.md"]\nignore = ["house.no-utilize"]\n'
    _project(tmp_path, config, **{"b.md": ARTICLE})
    found = _json(tmp_path, "--select", "house.banned,house.no-utilize", ".")
    assert {(f["path"], f["rule"], f["severity"]) for f in found} == {
        ("a.md", "house.banned", "info"),
        ("a.md", "house.no-utilize", "warning"),
        ("b.md", "house.banned", "info"),
    }
    assert _rules_found(_json(tmp_path, "--ignore", "house", "--select", "house,link-empty", "a.md")) == []
    assert set(_rules_found(_json(tmp_path, "--select", "house", "--ignore", "house.banned", "a.md"))) == {"house.no-utilize"}
    on_by_default = set(_rules_found(_json(tmp_path, "a.md")))
    assert {"house.banned", "house.no-utilize"} <= on_by_default


def test_an_unknown_user_rule_or_pack_is_a_usage_error(tmp_path: Path) -> None:
    _project(tmp_path)
    code, _, err = artlint("check", "--offline", "--select", "house.banend", "a.md", cwd=tmp_path)
    assert code == 2 and "unknown rule or family 'house.banend'; did you mean 'house.banned'?" in err
    write(tmp_path, {"artlint.toml": 'ignore = ["hous"]\n[style]\npaths = ["styles"]\n'})
    code, _, err = artlint("check", "--offline", "a.md", cwd=tmp_path)
    assert code == 2 and "artlint.toml:1: ignore: unknown rule or family 'hous'; did you mean 'house'?" in err


def test_suppression_comments_name_user_rules(tmp_path: Path) -> None:
    article = (
        "We utilize it. <!-- artlint-disable-line house.no-utilize -->\n\n"
        "<!-- artlint-disable-next-line house.banned -->\nObviously.\n\n"
        "<!-- artlint-disable house.banned -->\nObviously.\n<!-- artlint-enable house.banned -->\n\n"
        "Obviously, a utilize. <!-- artlint-disable-line house.nope, house.no-utilize -->\n\n"
        "Fine. <!-- artlint-disable-line house.banned -->\n"
    )
    _project(tmp_path, **{"a.md": article})
    found = _json(tmp_path, "--select", "house,unused-suppression", "a.md")
    assert [(f["line"], f["rule"]) for f in found] == [(10, "house.banned"), (10, "unused-suppression"), (12, "unused-suppression")]
    assert "unknown rule 'house.nope'" in found[1]["message"]
    assert "house.banned reported nothing" in found[2]["message"]


def test_disable_file_and_front_matter_comments(tmp_path: Path) -> None:
    article = "---\ntitle: Obviously  # artlint-disable-line fm.title\n---\n<!-- artlint-disable-file house.no-utilize -->\n\nWe utilize it.\n"
    config = '[style]\npaths = ["styles"]\n'
    write(tmp_path, {"styles/fm/title.toml": '[[rule]]\nname = "title"\nkind = "existence"\nscope = "front-matter.title"\ntokens = ["obviously"]\nignore-case = true\n'})
    _project(tmp_path, config, **{"a.md": article})
    assert _json(tmp_path, "--select", "house,fm,unused-suppression", "a.md") == []
    write(tmp_path, {"a.md": article.replace("  # artlint-disable-line fm.title", "")})
    assert _rules_found(_json(tmp_path, "--select", "fm", "a.md")) == ["fm.title"]


def test_the_safe_fix_of_a_substitution(tmp_path: Path) -> None:
    _project(tmp_path)
    code, out, err = artlint("check", "--offline", "--no-cache", "--select", "house", "--fix", "a.md", cwd=tmp_path)
    assert "fixed 2 findings in 1 file" in err
    assert (tmp_path / "a.md").read_text("utf-8") == "# Notes\n\nWe use it to win, obviously.\n\n这显而易见。\n"
    assert code == 1 and "house.banned" in out and "house.no-utilize" not in out


def test_sarif_lists_user_rules_with_their_documentation(tmp_path: Path) -> None:
    _project(tmp_path)
    code, out, err = artlint("check", "--offline", "--no-cache", "--format", "sarif", "a.md", cwd=tmp_path)
    driver = json.loads(out)["runs"][0]["tool"]["driver"]
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert list(rules)[: len(builtin_rules())] == list(builtin_rules())
    assert rules["house.no-utilize"]["shortDescription"]["text"] == "Plain words read faster."
    assert rules["house.no-utilize"]["properties"]["tags"] == ["house"]
    assert "`utilize` | `use`" in rules["house.no-utilize"]["fullDescription"]["text"]
    assert rules["house.banned"]["defaultConfiguration"]["level"] == "error"
    results = json.loads(out)["runs"][0]["results"]
    assert {result["ruleId"] for result in results} >= {"house.banned", "house.no-utilize"}
    assert all(driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"] for result in results)


def test_rules_and_explain(tmp_path: Path) -> None:
    _project(tmp_path)
    code, out, _ = artlint("rules", "--format", "json", cwd=tmp_path)
    listed = {rule["name"]: rule for rule in json.loads(out)}
    assert listed["house.banned"] == {
        "name": "house.banned",
        "family": "house",
        "severity": "error",
        "state": "on",
        "summary": "Words that must not appear: obviously, 显而易见.",
    }
    code, out, err = artlint("explain", "house.no-utilize", cwd=tmp_path)
    assert code == 0, err
    assert out.startswith("## house.no-utilize\n\nPlain words read faster.\n")
    assert "House style prefers the short word" in out
    assert "<https://example.com/style#utilize>" in out
    assert '`[rules."house.no-utilize"]`' in out
    code, _, err = artlint("explain", "house.no-utilise", cwd=tmp_path)
    assert code == 2 and "did you mean 'house.no-utilize'?" in err
    code, out, _ = artlint("explain", "link-empty", cwd=tmp_path / "styles")
    assert code == 0 and out.startswith("## link-empty")


def test_the_html_report_documents_the_user_rules_that_fired(tmp_path: Path) -> None:
    _project(tmp_path)
    code, out, err = artlint("check", "--offline", "--no-cache", "--format", "html", "a.md", cwd=tmp_path)
    assert code == 1, err
    assert 'id="rule-house.banned"' in out and "Words that must not appear" in out
    assert 'id="rule-house.no-utilize"' in out and "Plain words read faster." in out


def test_config_show_names_the_packs(tmp_path: Path) -> None:
    _project(tmp_path)
    code, out, err = artlint("config", "show", "a.md", cwd=tmp_path)
    assert code == 0, err
    assert '[style]\npaths = ["styles"]  # artlint.toml:2\n# pack house: 2 rules in styles/house\n' in out
    assert '[rules."house.banned"]  # on: on by default\nseverity = "error"  # default\n' in out


def test_a_nested_configuration_runs_only_its_own_packs(tmp_path: Path) -> None:
    _project(tmp_path, **{"sub/artlint.toml": "", "sub/b.md": ARTICLE})
    found = _json(tmp_path, "--select", "house", ".")
    assert {f["path"] for f in found} == {"a.md"}


def test_two_projects_with_packs_of_one_name_in_one_process(tmp_path: Path) -> None:
    one = _project(tmp_path / "one")
    two = write(tmp_path / "two", {"artlint.toml": '[style]\npaths = ["styles"]\n', "styles/house/words.toml": '[[rule]]\nname = "banned"\nkind = "existence"\ntokens = ["win"]\n', "a.md": ARTICLE})
    from artlint.engine import run

    first, second = load_config(start=one), load_config(start=two)
    first.select = second.select = ["house"]
    assert [f.message for f in run([str(one / "a.md")], first, use_cache=False).findings][-1] == "Avoid '显而易见'."
    assert [f.message for f in run([str(two / "a.md")], second, use_cache=False).findings] == ["avoid 'win'"]
    assert "house.no-utilize" in all_rules()


def test_the_cache_sees_a_pack_change(tmp_path: Path) -> None:
    _project(tmp_path)
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    code, out, _ = artlint("check", "--offline", "--select", "house", "--quiet", "a.md", cwd=tmp_path, env=env)
    assert out.count("house.banned") == 2
    write(tmp_path, {"styles/house/words.toml": HOUSE.replace('tokens = ["obviously", "显而易见"]', 'tokens = ["obviously"]')})
    code, out, _ = artlint("check", "--offline", "--select", "house", "--quiet", "a.md", cwd=tmp_path, env=env)
    assert out.count("house.banned") == 1


def test_a_pattern_that_backtracks_costs_a_bounded_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from artlint.engine import run
    from artlint.style import patterns

    monkeypatch.setattr(patterns, "TIME_PER_FILE", 0.3)
    pack = '[[rule]]\nname = "slow"\nkind = "existence"\npatterns = ["(?:a|a)+b", "\\\\w+\\\\d"]\nwhole-word = false\n'
    write(tmp_path, {"artlint.toml": '[style]\npaths = ["styles"]\n', "styles/t/slow.toml": pack, "a.md": "a" * 5000 + "\n\n" + "x" * 50000 + "\n"})
    config = load_config(start=tmp_path)
    config.select = ["t"]
    findings = run([str(tmp_path / "a.md")], config, use_cache=False).findings
    assert [(f.rule, f.line) for f in findings] == [("t.slow", 1)]
    assert findings[0].message.startswith("not checked: the patterns of user rules took over 0.3 s on this file")


@pytest.mark.parametrize(
    "pack, error",
    [
        ('[[rule]]\nname = "x"\nkind = "existence"\ntokens = ["a"]\ntokns = ["b"]\n', "words.toml:5: rule 'house.x': unknown key 'tokns' for a rule of kind 'existence'; did you mean 'tokens'?"),
        ('[[rule]]\nname = "x"\nkind = "existance"\n', "words.toml:3: rule 'house.x': kind: expected one of 'existence', 'substitution', 'occurrence', 'repetition', 'capitalization', 'conditional', 'front-matter', got 'existance'"),
        ('[[rule]]\nkind = "existence"\n', "words.toml:1: rule 1: 'name' is required"),
        ('[[rule]]\nname = "No Spaces"\nkind = "existence"\n', "words.toml:2: rule 1: name: 'No Spaces': a rule's name is lower-case letters"),
        ('\n\n[[rule]]\nname = "x"\nkind = "existence"\ntokens = ["a", 3]\n', "words.toml:6: rule 'house.x': tokens: in the list: expected a string, got an integer"),
        ('[[rule]]\nname = "x"\nkind = "existence"\npatterns = ["(unclosed"]\n', "words.toml:4: rule 'house.x': patterns: '(unclosed': not a regular expression: missing )"),
        ('[[rule]]\nname = "x"\nkind = "existence"\npatterns = ["(a)\\\\1"]\n', "words.toml:4: rule 'house.x': patterns: '(a)\\\\1': a backreference (\\1) cannot be used"),
        ('[[rule]]\nname = "x"\nkind = "existence"\npatterns = ["(?i)a"]\n', "inline flags such as (?i) apply to the whole pattern"),
        ('[[rule]]\nname = "x"\nkind = "existence"\npatterns = ["a*"]\n', "words.toml:4: rule 'house.x': patterns: 'a*': it matches the empty text"),
        ('[[rule]]\nname = "x"\nkind = "existence"\npatterns = ["' + "a" * 1001 + '"]\n', "a pattern of 1,001 characters; at most 1,000"),
        ('[[rule]]\nname = "x"\nkind = "existence"\n', "words.toml:1: rule 'house.x': an existence rule needs tokens or patterns"),
        ('[[rule]]\nname = "x"\nkind = "existence"\ntokens = ["a"]\nscope = "title"\n', "words.toml:5: rule 'house.x': scope: unknown scope 'title'; scopes are prose, heading"),
        ('[[rule]]\nname = "x"\nkind = "existence"\ntokens = ["a"]\nmessage = "{matched}"\n', "words.toml:5: rule 'house.x': message: unknown field {matched}; it may use {match}"),
        ('[[rule]]\nname = "x"\nkind = "existence"\ntokens = ["a"]\nmessage = "{match.__class__}"\n', "message: unknown field {match.__class__}"),
        ('[[rule]]\nname = "x"\nkind = "existence"\ntokens = ["a"]\nlink = "javascript:alert(1)"\n', "words.toml:5: rule 'house.x': link: expected an http(s) URL"),
        ('[[rule]]\nname = "x"\nkind = "substitution"\nswap = { a = "" }\n', "words.toml:4: rule 'house.x': swap: 'a' has an empty replacement"),
        ('[[rule]]\nname = "x"\nkind = "occurrence"\ntokens = ["a"]\n', "rule 'house.x': an occurrence rule needs max or min"),
        ('[[rule]]\nname = "x"\nkind = "occurrence"\ntokens = ["a"]\nmax = -1\n', "words.toml:5: rule 'house.x': max: expected 0 or more, got -1"),
        ('[[rule]]\nname = "x"\nkind = "capitalization"\ncase = "upper"\n', "words.toml:4: rule 'house.x': case: expected one of 'title', 'sentence', got 'upper'"),
        ('[[rule]]\nname = "x"\nkind = "front-matter"\nkey = "a"\nscope = "prose"\n', "words.toml:5: rule 'house.x': unknown key 'scope' for a rule of kind 'front-matter'"),
        ('[[rule]]\nname = "x"\nkind = "front-matter"\nkey = "a"\n', "rule 'house.x': a front-matter rule needs required = true, a pattern or choices"),
        ('[[rule]]\nname = "x"\nkind = "existence"\ntokens = ["a"]\n[[rule]]\nname = "x"\nkind = "existence"\ntokens = ["b"]\n', "words.toml:5: rule 'house.x' is defined already, at styles/house/words.toml:1"),
        ('[[rule]]\nname = "x"\nkind = ', "words.toml: invalid TOML: invalid value at the end of the file"),
        ('[rules]\nname = "x"\n', "words.toml:1: unknown key 'rules': a pack file holds [[rule]] tables"),
    ],
)
def test_mistakes_in_a_pack_are_located(tmp_path: Path, pack: str, error: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"artlint.toml": '[style]\npaths = ["styles"]\n', "styles/house/words.toml": pack})
    with pytest.raises(ConfigError) as raised:
        load_config(start=tmp_path)
    assert error in str(raised.value)
    assert str(raised.value).startswith(("styles/house/words.toml", str(tmp_path)))


def test_a_mistake_in_a_pack_is_exit_code_2_with_one_located_line(tmp_path: Path) -> None:
    write(tmp_path, {"artlint.toml": '[style]\npaths = ["styles"]\n', "styles/house/words.toml": HOUSE.replace('severity = "error"', 'severity = "fatal"'), "a.md": ARTICLE})
    code, out, err = artlint("check", "--offline", "a.md", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == "artlint: error: styles/house/words.toml:16: rule 'house.banned': severity: expected one of 'error', 'warning', 'info', got 'fatal'\n"


@pytest.mark.parametrize(
    "files, error",
    [
        ({"artlint.toml": '[style]\npaths = ["nowhere"]\n'}, "artlint.toml:2: style.paths: 'nowhere' is not a folder"),
        ({"artlint.toml": '[style]\npath = ["styles"]\n'}, "unknown key 'path' in [style]; did you mean 'paths'?"),
        ({"artlint.toml": '[style]\npaths = ["styles"]\n', "styles/link/a.toml": ""}, "styles/link: a pack may not be named 'link', as artlint's own rules or families are"),
        ({"artlint.toml": '[style]\npaths = ["styles"]\n', "styles/My Pack/a.toml": ""}, "styles/My Pack: a pack's name is lower-case letters"),
        ({"artlint.toml": '[style]\npaths = ["styles", "more"]\n', "styles/house/a.toml": "", "more/house/b.toml": ""}, "more/house: a pack named 'house' is in styles/house already"),
    ],
)
def test_mistakes_in_the_style_table_are_located(tmp_path: Path, files: dict[str, str], error: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, files)
    (tmp_path / ".git").mkdir()
    with pytest.raises(ConfigError) as raised:
        load_config(start=tmp_path)
    assert error in str(raised.value)


def test_packs_are_read_only_inside_the_project(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside", {"house/a.toml": '[[rule]]\nname = "x"\nkind = "existence"\ntokens = ["a"]\n'})
    project = write(tmp_path / "project", {"artlint.toml": '[style]\npaths = ["styles", "../outside"]\n'})
    (project / ".git").mkdir()
    (project / "styles").mkdir()
    (project / "styles" / "linked").symlink_to(outside / "house")
    with pytest.raises(ConfigError) as raised:
        load_config(start=project)
    assert "leads to" in str(raised.value) and "outside" in str(raised.value) and "not read" in str(raised.value)


def test_rules_whose_tokens_overlap_do_not_hide_each_other(tmp_path: Path) -> None:
    pack = (
        '[[rule]]\nname = "short"\nkind = "existence"\ntokens = ["in order", "显而"]\n\n'
        '[[rule]]\nname = "long"\nkind = "existence"\ntokens = ["in order to", "order to", "显而易见"]\nignore-case = true\n'
    )
    write(tmp_path, {"artlint.toml": '[style]\npaths = ["styles"]\n', "styles/t/a.toml": pack, "a.md": "In order to go, in order to win. 显而易见。\n"})
    config = load_config(start=tmp_path)
    config.select = ["t"]
    from artlint.engine import run

    found = sorted((f.column, f.end_column, f.rule) for f in run([str(tmp_path / "a.md")], config, use_cache=False).findings)
    assert found == [
        (1, 12, "t.long"),  # "In order to": "order to" inside it is the same rule's, not reported twice
        (17, 25, "t.short"),  # "in order", case as written
        (17, 28, "t.long"),
        (34, 36, "t.short"),
        (34, 38, "t.long"),
    ]


@pytest.mark.parametrize(
    "text, found",
    [
        ("用utilize吗", True),  # Chinese characters are no word boundary to cross
        ("utilize。", True),
        ("reutilize", False),
        ("utilizes", False),
        ("utilize_it", False),
        ("utilizeд", False),  # Cyrillic is a script of words with spaces
        ("2utilize", False),
        ("«utilize»", True),
    ],
)
def test_latin_word_boundaries(text: str, found: bool) -> None:
    from artlint.style.patterns import at_word_edges

    start = text.index("utilize")
    assert at_word_edges(text, start, start + len("utilize")) is found


def test_user_rules_run_in_workers_started_without_fork(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows has no fork: its workers import artlint afresh and must learn the user rules.
    from artlint import parallel
    from artlint.engine import run

    articles = {f"posts/p{number:02}.md": ARTICLE for number in range(parallel.SERIAL_BELOW + 2)}
    project = _project(tmp_path, **articles)
    config = load_config(start=project)
    config.select = ["house.banned"]
    monkeypatch.setattr(parallel, "START_METHOD", "spawn")
    findings = run([str(project / "posts")], config, jobs=2, use_cache=False).findings
    assert len(findings) == 2 * len(articles)
    assert {finding.rule for finding in findings} == {"house.banned"}
