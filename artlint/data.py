"""Rule data: the TOML files of the repository's `rules/` folder (installed as `artlint.ruledata`)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def _data_dir() -> Any:
    try:
        return resources.files("artlint.ruledata")
    except ModuleNotFoundError:
        # Running from a source checkout that was not installed: the folder sits beside the package.
        return Path(__file__).resolve().parent.parent / "rules"


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The parsed contents of `rules/<name>.toml`."""
    text = _data_dir().joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)
