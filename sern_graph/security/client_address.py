"""The client's address: the connection's peer, or, behind trusted proxies, the address they
name in `X-Forwarded-For`."""

from __future__ import annotations

from collections.abc import Iterable
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

from starlette.types import Scope

Network = IPv4Network | IPv6Network
UNKNOWN = "unknown"


def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """Addresses or networks (`10.0.0.0/8`); raises ValueError for anything else."""
    return tuple(ip_network(value, strict=False) for value in values)


def within(address: str, networks: tuple[Network, ...]) -> bool:
    parsed = _parse(address)
    return parsed is not None and any(parsed in network for network in networks)


def _parse(address: str) -> IPv4Address | IPv6Address | None:
    try:
        return ip_address(address)
    except ValueError:
        return None


class ClientAddress:
    def __init__(self, trusted_proxies: tuple[Network, ...]) -> None:
        self.trusted_proxies = trusted_proxies

    def __call__(self, scope: Scope) -> str:
        client = scope.get("client")
        peer = str(client[0]) if client else UNKNOWN
        if not within(peer, self.trusted_proxies):
            return peer
        # Read from the right: each trusted proxy appended the address it received from; the first
        # one that is not a trusted proxy is the client (what is left of it, the client could forge).
        forwarded = b",".join(value for name, value in scope["headers"] if name == b"x-forwarded-for")
        for hop in reversed(forwarded.decode("latin-1").split(",")):
            parsed = _parse(hop.strip())
            if parsed is None:
                break
            if not any(parsed in network for network in self.trusted_proxies):
                return str(parsed)
        return peer
