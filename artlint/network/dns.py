"""Host names looked up once per run.

libcurl looks a name up for each transfer until its DNS cache holds the answer, so a run that
checks 500 DOIs at once asked the resolver 500 times for doi.org; where the resolver answers
slowly, that alone took a minute. Here every name is looked up once (concurrent askers wait
for the same answer), failures included, and libcurl is handed the addresses.

A "no such host" answer is taken as certain (the link is broken) only when the resolver is
seen to work: once per run a name that exists everywhere (`dns-canary`) is looked up too. A
machine whose resolver answers "no such host" for every name (a sandbox, a CI runner without
DNS) must not turn every link into a broken one.
"""

from __future__ import annotations

import asyncio
import socket
from dataclasses import dataclass

from artlint.network.targets import DNS_MISSING
from artlint.urls import is_address

_NO_SUCH_NAME = (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5))


@dataclass(frozen=True)
class Addresses:
    """A name's addresses, or why there are none: `state` "broken" (the name does not exist)
    or "unverified" (the lookup failed), and `reason`."""

    addresses: tuple[str, ...] = ()
    state: str = ""
    reason: str = ""

    @property
    def found(self) -> bool:
        return bool(self.addresses)


class NameNotResolved(Exception):
    """A request's host name has no addresses; `failure` says whether that is certain."""

    def __init__(self, failure: Addresses):
        super().__init__(failure.reason)
        self.failure = failure


async def system_lookup(name: str) -> list[str]:
    """The system resolver's addresses for `name` (socket.gaierror when there are none).
    Looked up on the module: tests stand in for it to count the questions asked."""
    infos = await asyncio.get_running_loop().getaddrinfo(name, None, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class HostNames:
    """The addresses of each host name of a run, asked for once (used on one event loop)."""

    def __init__(self, canary: str):
        self._canary = canary
        self._answers: dict[str, asyncio.Future] = {}
        self._resolver_works: asyncio.Future | None = None

    async def addresses(self, name: str) -> Addresses:
        if is_address(name):
            return Addresses((name.strip("[]"),))
        answer = self._answers.get(name)
        if answer is None:
            answer = self._answers[name] = asyncio.ensure_future(self._look_up(name))
        return await asyncio.shield(answer)

    async def _look_up(self, name: str) -> Addresses:
        try:
            found = await system_lookup(name)
        except UnicodeError:
            return Addresses(state="broken", reason="the host name is not valid")
        except (socket.gaierror, OSError) as error:
            return await self._failure(error)
        addresses = tuple(dict.fromkeys(found))
        if not addresses:
            return Addresses(state="unverified", reason="DNS lookup gave no address")
        return Addresses(addresses)

    async def _failure(self, error: OSError) -> Addresses:
        if isinstance(error, socket.gaierror) and error.errno in _NO_SUCH_NAME:
            if await self._resolver_answers():
                return Addresses(state="broken", reason=DNS_MISSING)
            return Addresses(
                state="unverified",
                reason=f"DNS says no such host, but says so of {self._canary} too: this machine's resolver does not look names up",
            )
        return Addresses(state="unverified", reason=f"DNS lookup failed ({error.strerror or error})")

    async def _resolver_answers(self) -> bool:
        if self._resolver_works is None:
            self._resolver_works = asyncio.ensure_future(self._canary_found())
        return await asyncio.shield(self._resolver_works)

    async def _canary_found(self) -> bool:
        if is_address(self._canary):
            return True
        try:
            return bool(await system_lookup(self._canary))
        except (socket.gaierror, OSError, UnicodeError):
            return False


def resolve_entry(name: str, port: int, addresses: tuple[str, ...]) -> str:
    """libcurl's CURLOPT_RESOLVE line that pins `name:port` to `addresses`."""
    listed = ",".join(f"[{address}]" if ":" in address else address for address in addresses)
    return f"{name}:{port}:{listed}"


