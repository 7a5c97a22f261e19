"""Regular expressions compiled on first use.

artlint imports every rule module to learn the rules' names, options and defaults, and most runs
use only some of their patterns; a run answered from the cache parses nothing at all. Compiling
all module-level patterns at import took 50 ms of each run (the Unicode classes of the CJK
patterns are slow to compile), a fifth of a warm run. A `lazy` pattern compiles when it is first
used and then stands for the compiled pattern.
"""

from __future__ import annotations

import re
from typing import cast


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0):
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = re.compile(*self._source)
        value = getattr(compiled, name)
        self.__dict__[name] = value  # later uses find the method without coming back here
        return value

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled on first use; typed as the compiled pattern it stands for."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
