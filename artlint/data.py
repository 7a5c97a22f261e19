"""Rule data: the TOML files of the repository's `rules/` folder (installed as `artlint.ruledata`)."""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


@lru_cache(maxsize=1)
def _data_dir() -> Any:
    # The package's folder from its import spec: importlib.resources would find the same folder
    # but costs a twentieth of a second of imports, a sixth of a one-file pre-commit run.
    try:
        spec = importlib.util.find_spec("artlint.ruledata")
    except ModuleNotFoundError:
        spec = None
    if spec is not None and spec.submodule_search_locations:
        folder = Path(list(spec.submodule_search_locations)[0])
        if folder.is_dir():
            return folder
    if spec is not None:  # installed somewhere that is not a folder (a zip file)
        from importlib import resources  # only here: see above (start-up speed)

        return resources.files("artlint.ruledata")
    # Running from a source checkout that was not installed: the folder sits beside the package.
    return Path(__file__).resolve().parent.parent / "rules"


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The parsed contents of `rules/<name>.toml`."""
    text = _data_dir().joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)
