"""Cache files written whole: under another name beside the target, then renamed over it, so
that a process reading the cache (another run, another hook) finds the old file or the new one,
never half of one."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def replacing(path: Path, prefix: str) -> Iterator[str]:
    """A temporary file beside `path` to write; it becomes `path` (readable by all, as the
    cache databases are) when the block ends without an error, and is removed otherwise."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
    os.close(handle)
    try:
        yield temporary
        os.chmod(temporary, 0o644)  # not mkstemp's 0600
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
