"""The JSON Schema of artlint.toml: generated from the validator's tables, shipped in sync, and
accepting and refusing what the validator accepts and refuses; `artlint config show`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from helpers import REPO, artlint, write

from artlint.config import (
    _DESCRIPTIONS,
    _DOI_KEYS,
    _EDITOR_KEYS,
    _NETWORK_KEYS,
    _SITE_KEYS,
    ConfigError,
    json_schema,
    parse_config,
    pyproject_schema,
    schema_text,
    tomllib,
)
from artlint.configshow import key_lines

VALIDATOR = jsonschema.Draft7Validator(json_schema(), format_checker=jsonschema.FormatChecker())


def _schema_accepts(document: dict[str, Any]) -> bool:
    return not list(VALIDATOR.iter_errors(document))


def _validator_accepts(document: dict[str, Any], path: Path = Path("artlint.toml")) -> bool:
    try:
        parse_config(document, path, "")
    except ConfigError:
        return False
    return True


def test_the_shipped_schema_is_the_generated_one() -> None:
    shipped = (REPO / "artlint" / "config.schema.json").read_text("utf-8")
    assert shipped == schema_text(), "run: artlint config schema > artlint/config.schema.json"
    jsonschema.Draft7Validator.check_schema(json.loads(shipped))
    jsonschema.Draft7Validator.check_schema(pyproject_schema())


def test_config_schema_prints_it(tmp_path: Path) -> None:
    code, out, err = artlint("config", "schema", cwd=tmp_path)
    assert (code, err) == (0, "")
    assert out == schema_text()
    code, out, _ = artlint("config", "schema", "--pyproject", cwd=tmp_path)
    assert code == 0 and json.loads(out)["properties"]["tool"]["properties"]["artlint"]["properties"].keys() == json_schema()["properties"].keys()


def test_every_setting_has_a_description() -> None:
    for section, keys in (("network", _NETWORK_KEYS), ("doi", _DOI_KEYS), ("editor", _EDITOR_KEYS), ("site", _SITE_KEYS)):
        for key in keys:
            assert _DESCRIPTIONS.get(f"{section}.{key}"), f"{section}.{key} has no description"
    for name, schema in json_schema()["properties"].items():
        assert schema.get("description"), name
    for name, rule in json_schema()["definitions"]["rules"]["properties"].items():
        assert rule["description"], name
        for key, option in rule["properties"].items():
            assert option["description"], f"{name}.{key}"


def _readme_configurations() -> list[str]:
    readme = (REPO / "README.md").read_text("utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, re.S)
    # The configuration blocks, not other programs' TOML (Helix's languages.toml, .taplo.toml).
    return [block for block in blocks if not block.lstrip().startswith(("[language-server", "[[rule]]"))]


def _example_configurations() -> list[Path]:
    return sorted(REPO.glob("tests/fixtures/**/artlint.toml")) + sorted(REPO.glob("examples/**/artlint.toml"))


def test_the_readme_and_example_configurations_fit_the_schema() -> None:
    blocks = _readme_configurations()
    assert len(blocks) >= 2, "the README's configuration and [site] blocks"
    # A configuration file is read where it is: its [style] paths name folders beside it.
    documents = [(tomllib.loads(block), Path("artlint.toml")) for block in blocks]
    documents += [(tomllib.loads(path.read_text("utf-8")), path) for path in _example_configurations()]
    assert len(documents) > len(blocks), "the fixtures' configurations were found"
    for document, path in documents:
        errors = [error.message for error in VALIDATOR.iter_errors(document)]
        assert errors == []
        assert _validator_accepts(document, path)


def test_a_pyproject_tool_table_fits_the_schema() -> None:
    document = tomllib.loads('[tool.black]\nline-length = 3\n[tool.artlint]\nselect = ["ALL"]\n[tool.artlint.network]\ntimeout = 5\n')
    assert not list(jsonschema.Draft7Validator(pyproject_schema()).iter_errors(document))
    document["tool"]["artlint"]["network"]["timeout"] = "5"
    assert list(jsonschema.Draft7Validator(pyproject_schema()).iter_errors(document))


GOOD = [
    {},
    {"select": ["ALL"], "ignore": ["link", "front-matter-missing"]},
    {"fail-on": "never", "max-file-size": 1},
    {"network": {"timeout": 0.5, "retries": 0, "cache-ttl": "12h", "check-private": True}},
    {"network": {"cache-ttl": 0}},
    {"doi": {"resolver": "http://resolver.example"}},
    {"editor": {"network-on-save": True}},
    {"site": {"generator": "hugo", "content": ["content"], "permalinks": {"posts": "/:slug/"}}},
    {"rules": {"front-matter-required": {"severity": "off", "keys": ["title"]}}},
    {"rules": {"front-matter-schema": {"types": {"title": "string"}}}},
    {"overrides": [{"paths": ["a/**"], "select": ["link"], "rules": {"link-empty": {"severity": "info"}}}]},
]
BAD = [
    {"selct": ["ALL"]},  # unknown top-level key
    {"select": "ALL"},  # not a list
    {"select": ["no-such-rule"]},
    {"ignore": [1]},
    {"exclude": "public"},
    {"extensions": [True]},
    {"fail-on": "sometimes"},
    {"max-file-size": 0},
    {"max-file-size": 1 << 40},
    {"max-file-size": "2MB"},
    {"network": {"timout": 5}},
    {"network": {"timeout": 0}},
    {"network": {"timeout": 7200}},
    {"network": {"retries": 21}},
    {"network": {"retries": -1}},
    {"network": {"concurrency": 0}},
    {"network": {"per-host": 2000}},
    {"network": {"check-private": "yes"}},
    {"network": {"cache-ttl": "forever"}},
    {"network": {"cache-ttl": -5}},
    {"network": "fast"},
    {"doi": {"resolver": "doi.org"}},
    {"doi": {"mirror": "https://doi.org"}},
    {"editor": {"network-on-save": 1}},
    {"site": {"generator": "gatsby"}},
    {"site": {"content": "content"}},
    {"site": {"permalinks": {"posts": 1}}},
    {"rules": {"no-such-rule": {}}},
    {"rules": {"front-matter-required": {"severity": "fatal"}}},
    {"rules": {"front-matter-required": {"key": ["title"]}}},
    {"rules": {"front-matter-required": {"keys": "title"}}},
    {"rules": {"front-matter-required": []}},
    {"overrides": [{"select": ["ALL"]}]},  # no paths
    {"overrides": [{"paths": ["a"], "slect": ["ALL"]}]},
    {"overrides": [{"paths": ["a"], "rules": {"link-empty": {"severity": "loud"}}}]},
    {"overrides": {"paths": ["a"]}},
    {"style": {"path": ["styles"]}},
    {"style": {"paths": "styles"}},
]


@pytest.mark.parametrize("document", GOOD, ids=lambda document: json.dumps(document)[:60])
def test_the_schema_accepts_what_the_validator_accepts(document: dict[str, Any]) -> None:
    assert _validator_accepts(document)
    assert _schema_accepts(document), [error.message for error in VALIDATOR.iter_errors(document)]


@pytest.mark.parametrize("document", BAD, ids=lambda document: json.dumps(document)[:60])
def test_the_schema_refuses_what_the_validator_refuses(document: dict[str, Any]) -> None:
    assert not _validator_accepts(document)
    assert not _schema_accepts(document)


def test_the_schema_takes_the_names_of_user_rules_which_only_artlint_can_check() -> None:
    # The packs are not known to the schema: `pack.rule` names fit, with a severity only.
    assert _schema_accepts({"style": {"paths": ["styles"]}, "select": ["house.banned"], "rules": {"house.banned": {"severity": "off"}}})
    assert not _schema_accepts({"rules": {"house.banned": {"tokens": ["a"]}}})
    assert not _schema_accepts({"select": ["house.banned.x"]})


def test_rule_options_types_and_choices_are_in_the_schema() -> None:
    from artlint.rules import all_rules

    for name, rule in all_rules().items():
        for key, option in rule.options.items():
            document = {"rules": {name: {key: option.default}}}
            assert _schema_accepts(json.loads(json.dumps(document, default=list))), f"{name}.{key}: its default"
            wrong: Any = {"not": "this"} if not option.type.startswith("table[") else ["not", "this"]
            assert not _schema_accepts({"rules": {name: {key: wrong}}}), f"{name}.{key}"
            assert not _validator_accepts({"rules": {name: {key: wrong}}})


def test_key_lines_follow_tables_arrays_and_dotted_keys() -> None:
    text = 'select = ["ALL"]\n[rules.x]\nkeys = [\n  "a",\n]\n[[overrides]]\npaths = ["a"]\n[overrides.rules.y]\nseverity = "off"\n[[overrides]]\nrules.z.keys = []\n'
    lines = key_lines(text)
    assert lines[("select",)] == 1
    assert lines[("rules", "x", "keys")] == 3
    assert lines[("overrides", 0, "paths")] == 7
    assert lines[("overrides", 0, "rules", "y", "severity")] == 9
    assert lines[("overrides", 1, "rules", "z", "keys")] == 11


def test_config_show_names_where_each_setting_comes_from(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "artlint.toml": (
                'select = ["front-matter"]\nfail-on = "error"\n\n[rules.front-matter-required]\nseverity = "warning"\nkeys = ["title", "date"]\n\n'
                '[[overrides]]\npaths = ["imported/**"]\nignore = ["front-matter-missing"]\n[overrides.rules.front-matter-required]\nkeys = ["title"]\n\n'
                "[network]\ntimeout = 5\n"
            ),
            "imported/a.md": "# A\n",
            "posts/b.md": "# B\n",
            "nested/artlint.toml": 'ignore = ["front-matter-key-typo"]\n',
            "nested/c.md": "# C\n",
        },
    )
    code, out, err = artlint("config", "show", "imported/a.md", cwd=tmp_path)
    assert (code, err) == (0, "")
    assert 'select = ["front-matter"]  # artlint.toml:1' in out
    assert 'fail-on = "error"  # artlint.toml:2' in out
    assert "timeout = 5  # artlint.toml:15" in out
    assert "retries = 2  # default" in out
    assert 'severity = "warning"  # artlint.toml:5' in out
    assert 'keys = ["title"]  # artlint.toml:12' in out  # the override wins for this file
    assert "# [[overrides]] at artlint.toml:8 applies" in out
    assert "front-matter-missing" in out.split("# off:")[1]

    code, out, _ = artlint("config", "show", "posts/b.md", "--select", "link-empty,front-matter-required", cwd=tmp_path)
    assert code == 0
    assert 'select = ["link-empty", "front-matter-required"]  # --select' in out
    assert 'keys = ["title", "date"]  # artlint.toml:6' in out
    assert "[rules.link-empty]  # on: --select" in out
    assert "[[overrides]]" not in out

    code, out, _ = artlint("config", "show", str(tmp_path / "nested" / "c.md"), cwd=tmp_path)
    assert code == 0
    assert "# Configuration: nested/artlint.toml" in out
    assert 'ignore = ["front-matter-key-typo"]  # nested/artlint.toml:1' in out
    assert "# select: not set" in out
    # The written lines are a configuration the validator reads.
    written = "\n".join(line for line in out.splitlines() if line and not line.startswith("#"))
    assert tomllib.loads(written)["ignore"] == ["front-matter-key-typo"]

    code, _, err = artlint("config", "show", "missing.md", cwd=tmp_path)
    assert code == 2 and "missing.md: no such file or folder" in err
    code, _, err = artlint("config", "show", "--select", "nope", cwd=tmp_path)
    assert code == 2 and "unknown rule or family 'nope'" in err
    code, _, err = artlint("config", cwd=tmp_path)
    assert code == 2
