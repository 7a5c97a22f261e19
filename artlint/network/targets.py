"""What the network phase checks (targets) and what it found (outcomes): plain data, light to
import, shared by the rules (which run offline too) and the fetcher."""

from __future__ import annotations

import typing
from dataclasses import asdict, dataclass, fields
from functools import lru_cache

DNS_MISSING = "DNS: the host name does not exist"


@dataclass
class Outcome:
    """What checking one target found. `state`: "ok", "broken" or "unverified"."""

    state: str
    reason: str = ""
    status: int | None = None
    final_url: str | None = None
    permanent_redirect: bool = False
    is_image: bool | None = None
    found: bool | None = None  # DOI handle registered
    title: str | None = None  # DOI registered title
    requests: int = 0

    @property
    def ok(self) -> bool:
        return self.state == "ok"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Outcome":
        return cls(**data)

    @classmethod
    def is_plain_form(cls, data: object) -> bool:
        """Whether `data` (read back from a cache) has only Outcome's fields, each of its type."""
        if not isinstance(data, dict):
            return False
        kinds = _field_kinds()
        for name, value in data.items():
            allowed = kinds.get(name)
            # bool is an int to isinstance: a count of True requests is no count.
            if allowed is None or not isinstance(value, allowed) or (isinstance(value, bool) and bool not in allowed):
                return False
        return True


@lru_cache(maxsize=1)
def _field_kinds() -> dict[str, tuple[type, ...]]:
    """Outcome's field names and the types each may hold, from its annotations."""
    hints = typing.get_type_hints(Outcome)
    return {field.name: typing.get_args(hints[field.name]) or (hints[field.name],) for field in fields(Outcome)}


@dataclass(frozen=True)
class Target:
    kind: str  # "page", "image", "doi" (handle lookup) or "csl" (registered metadata)
    value: str  # the URL, normalised, or the DOI

    @property
    def key(self) -> str:
        return f"{self.kind} {self.value}"



def normalise_url(url: str) -> str:
    """The URL without its fragment: `page#a` and `page#b` are one fetch."""
    return url.strip().split("#", 1)[0]
