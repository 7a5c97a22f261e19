"""Refusing to fetch private addresses: loopback, private, link-local, multicast, cloud metadata.

A link checker that follows any URL in any article can be made to knock on a company's
internal services or a cloud machine's metadata endpoint. artlint checks every address twice:
the host's addresses after DNS resolution, before connecting (`GuardedResolver`); and the
address each socket is about to connect to (`guarded_socket`), so that DNS that answers
differently the second time ("rebinding") and hosts written as IP addresses, which need no
DNS, gain nothing. Both happen on every redirect hop, since each hop is a new request.
"""

from __future__ import annotations

import ipaddress
import socket
from contextvars import ContextVar

from aiohttp.abc import AbstractResolver
from aiohttp.resolver import ThreadedResolver

# Cloud metadata endpoints that are not covered by the link-local range.
_METADATA = {ipaddress.ip_address("fd00:ec2::254"), ipaddress.ip_address("100.100.100.200")}

# The host name the current request is for: a socket only knows the address it connects to,
# and the message names the host the article wrote.
requested_host: ContextVar[str] = ContextVar("requested_host", default="")


class PrivateAddressRefused(OSError):
    """The URL leads to an address that is not on the public internet."""

    def __init__(self, host: str, address: str):
        super().__init__(f"refused to fetch {host}: it resolves to {address}, a private or local address")
        self.host = host
        self.address = address

    def __str__(self) -> str:
        return str(self.args[0])


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in _METADATA:
        return False
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or (isinstance(ip, ipaddress.IPv4Address) and ip in ipaddress.ip_network("100.64.0.0/10"))
    )


def refuse_private_literal(host: str) -> None:
    """Refuse a host written as a private IP address, before anything is sent."""
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return  # a name: the resolver and the socket check it
    if not is_public_address(host.strip("[]")):
        raise PrivateAddressRefused(host, host.strip("[]"))


class GuardedResolver(AbstractResolver):
    """DNS resolution that fails when any address of the host is not public."""

    def __init__(self) -> None:
        self._resolver = ThreadedResolver()

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET) -> list:
        results = await self._resolver.resolve(host, port, family)
        for result in results:
            if not is_public_address(result["host"]):
                raise PrivateAddressRefused(host, result["host"])
        return results

    async def close(self) -> None:
        await self._resolver.close()


def guarded_socket(address_info: tuple) -> socket.socket:
    """The socket factory of the client: no socket for a private peer."""
    family, kind, protocol, _, address = address_info
    if not is_public_address(address[0]):
        raise PrivateAddressRefused(requested_host.get() or address[0], address[0])
    return socket.socket(family=family, type=kind, proto=protocol)
