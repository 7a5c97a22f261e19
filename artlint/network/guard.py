"""Refusing to fetch private addresses: loopback, private, link-local, multicast, cloud metadata.

A link checker that follows any URL in any article can be made to knock on a company's
internal services or a cloud machine's metadata endpoint. artlint checks every address twice:
the host's addresses after DNS resolution, before connecting; and the address the socket is
actually connected to (so that DNS that answers differently the second time, "rebinding",
gains nothing). Both happen on every redirect hop, since each hop is a new connection.
"""

from __future__ import annotations

import ipaddress
import socket

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

# Cloud metadata endpoints that are not covered by the link-local range.
_METADATA = {ipaddress.ip_address("fd00:ec2::254"), ipaddress.ip_address("100.100.100.200")}


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


def check_host(host: str, port: int) -> None:
    """Resolve the host and refuse it when any of its addresses is private."""
    for *_, sockaddr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        if not is_public_address(sockaddr[0]):
            raise PrivateAddressRefused(host, sockaddr[0])


def _checked_socket(connection, sock: socket.socket) -> socket.socket:
    try:
        address = sock.getpeername()[0]
    except OSError:
        return sock
    if not is_public_address(address):
        sock.close()
        raise PrivateAddressRefused(connection.host, address)
    return sock


class _GuardedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        return _checked_socket(self, super()._new_conn())


class _GuardedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        return _checked_socket(self, super()._new_conn())


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


def guarded_pool_classes() -> dict:
    """urllib3 `pool_classes_by_scheme` whose connections refuse non-public peers."""
    return {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}
