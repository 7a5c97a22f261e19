"""Rule documentation is complete and in sync; the package ships every module and the rule data."""

from __future__ import annotations

import re

import pytest
from helpers import REPO

from artlint import ruledocs
from artlint.config import tomllib
from artlint.rules import all_rules


@pytest.mark.parametrize("name", sorted(all_rules()))
def test_rule_metadata_and_docstring_sections(name: str) -> None:
    rule = all_rules()[name]
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name), "rule names are kebab-case"
    assert rule.summary().endswith("."), "the summary line is a sentence"
    sections = ruledocs.sections(rule)
    for title in ruledocs.SECTIONS:
        assert sections.get(title), f"{name}: docstring section '## {title}' is missing or empty"
    for key, option in rule.options.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", key), f"{name}: option {key!r} is not kebab-case"
        assert option.check(option.default) is None, f"{name}: the default of {key!r} does not fit its type"
        assert option.description


def test_rule_modules_sit_in_their_family_folder() -> None:
    for name, rule in all_rules().items():
        module = rule.__module__.split(".")
        assert module[:2] == ["artlint", "rules"]
        assert module[2].replace("_", "-") == rule.family, f"{name} lives in {module[2]} but says family {rule.family}"


def test_docs_rules_md_is_generated_from_the_code() -> None:
    committed = (REPO / "docs" / "rules.md").read_text("utf-8")
    assert committed == ruledocs.rules_document(), "run: python -m artlint.ruledocs > docs/rules.md"


def test_readme_lists_every_rule() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    for name in all_rules():
        assert f"`{name}`" in readme, f"README.md does not mention {name}"


def test_pyproject_lists_every_package() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    listed = set(pyproject["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(REPO).parts)
        for path in (REPO / "artlint").rglob("__init__.py")
    }
    assert found | {"artlint.ruledata"} == listed
    assert (REPO / "rules" / "__init__.py").is_file()


def test_rule_data_is_readable_through_the_package() -> None:
    from artlint import data

    for path in (REPO / "rules").glob("*.toml"):
        assert isinstance(data.load(path.stem), dict)


def test_every_third_party_import_is_a_declared_dependency() -> None:
    """A module that only arrives with another package (idna came with requests) breaks a
    fresh `pip install .` when that package goes."""
    import ast
    import sys
    from importlib.metadata import packages_distributions

    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    declared = {re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0].lower().replace("_", "-") for spec in project["dependencies"]}
    distributions = packages_distributions()
    imported: set[str] = set()
    for path in (REPO / "artlint").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported if name not in sys.stdlib_module_names and name not in ("artlint", "__future__")}
    missing = {}
    for name in sorted(third_party):
        owners = {owner.lower().replace("_", "-") for owner in distributions.get(name, [name])}
        if not owners & declared and name != "tomli":  # tomli: declared for Python < 3.11 only
            missing[name] = sorted(owners)
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"
