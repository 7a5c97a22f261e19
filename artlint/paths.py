"""Paths as the user reads them."""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: Path) -> str:
    """Relative to the current directory when inside it, else absolute; always with `/`."""
    text = str(path)
    if path.is_absolute():
        try:
            text = os.path.relpath(text)
        except ValueError:  # pragma: no cover - another drive on Windows
            return path.as_posix()
        if text.startswith(".."):
            return path.as_posix()
    return Path(text).as_posix()
