"""Refusing to fetch private addresses: loopback, private, link-local, multicast, cloud metadata.

A link checker that follows any URL in any article can be made to knock on a company's
internal services or a cloud machine's metadata endpoint. artlint checks the address of every
connection after DNS resolution, as the socket is about to be opened (curl.py, libcurl's
socket callback): DNS that answers differently the second time ("rebinding") gains nothing,
since the address checked is the address connected to. A host written as an IP address is
refused before anything is sent. Each redirect hop is a new request, checked the same way.
"""

from __future__ import annotations

import ipaddress

# Cloud metadata endpoints that are not covered by the link-local range.
_METADATA = {ipaddress.ip_address("fd00:ec2::254"), ipaddress.ip_address("100.100.100.200")}
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT


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
        or (isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED)
    )


def refuse_private_literal(host: str) -> None:
    """Refuse a host written as a private IP address, before anything is sent."""
    address = host.strip("[]")
    try:
        ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return  # a name: its addresses are checked as each connection is opened
    if not is_public_address(address):
        raise PrivateAddressRefused(host, address)
