"""front-matter-key-typo compares the form of the values too: a misspelt key keeps its value's form."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import artlint


def _post(folder: Path, name: str, extra: str) -> None:
    (folder / f"{name}.md").write_text(f"---\ntitle: {name}\n{extra}---\n\nText.\n", encoding="utf-8")


def test_a_key_whose_values_take_another_form_is_no_misspelling(tmp_path: Path) -> None:
    for number in range(6):
        _post(tmp_path, f"post-{number}", "translate: false\nurl: /x/\n")
    _post(tmp_path, "translated", "translator: 张三\nurls:\n  demo: https://demo.example.org/\n")
    _post(tmp_path, "misspelt", "transalte: true\nulr: /y/\n")
    code, out, _ = artlint("check", ".", "--offline", "--no-cache", "--select", "front-matter-key-typo", "--format", "json", cwd=tmp_path)
    reported = sorted((finding["path"], finding["message"].split("'")[1]) for finding in json.loads(out)["findings"])
    assert reported == [("misspelt.md", "transalte"), ("misspelt.md", "ulr")]
    assert code == 1
