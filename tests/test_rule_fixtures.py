"""Every rule has fixtures under tests/fixtures/<family>/: <rule>.md and/or a <rule>/ folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_runner import check_fixture, compare_with_snapshot

from artlint.rules import NetworkRule, all_rules

FIXTURES = Path(__file__).parent / "fixtures"
# Rules whose inputs cannot live in the repository (unreadable files, huge files, links out
# of it) are tested by generating those inputs: see test_hostile_files.py and
# test_links_out_of_the_tree.py.
GENERATED_INPUTS = {"file-unreadable", "file-too-large", "file-outside-root"}


def fixture_targets():
    for name, rule in all_rules().items():
        folder = FIXTURES / rule.family
        for target in (folder / f"{name}.md", folder / name):
            if target.exists():
                yield pytest.param(target, name, id=str(target.relative_to(FIXTURES)))


@pytest.mark.parametrize("target, rule", list(fixture_targets()))
def test_fixture(target: Path, rule: str) -> None:
    expected, actual, messages, snapshot = check_fixture(target, rule)
    for key in expected:
        assert key[2] == rule, f"{key}: a fixture of {rule} may only expect {rule}"
    missing = expected - actual
    unexpected = actual - expected
    report = "\n".join(messages)
    assert not missing, f"expected but not reported: {sorted(missing)}\nreported:\n{report}"
    assert not unexpected, f"reported but not expected: {sorted(unexpected)}\nreported:\n{report}"
    compare_with_snapshot(target, snapshot)


@pytest.mark.parametrize("name", sorted(all_rules()))
def test_every_rule_has_a_fixture(name: str) -> None:
    if name in GENERATED_INPUTS:
        return
    rule = all_rules()[name]
    if issubclass(rule, NetworkRule) and rule.family == "network":
        # Online rules are tested against local servers with planted behaviours.
        assert name in (Path(__file__).parent / "test_network.py").read_text("utf-8"), f"{name} is not tested"
        return
    folder = FIXTURES / rule.family
    assert (folder / f"{name}.md").exists() or (folder / name).is_dir(), f"no fixture for {name} in {folder}"
