"""Where a webhook may be sent: never to loopback, private, link-local or other special addresses.

In development (the default for ``make run``) loopback is allowed, so a partner can try webhooks against a
receiver on the same machine. The check runs when subscribing and again at every connection: the resolver
the sender uses refuses a name that resolves to a forbidden address (a DNS answer that changed since
subscribing), and redirects are never followed.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from typing import Any
from urllib.parse import urlsplit

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class Refused(ValueError):
    """The target may not be used (the message says why)."""


def address_allowed(ip: IPAddress, *, allow_loopback: bool) -> bool:
    """Public unicast addresses only; loopback too when ``allow_loopback``."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return allow_loopback
    return not (
        ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified or not ip.is_global
    )


def parse_target(url: str, *, development: bool) -> tuple[str, int]:
    """Host and port of a webhook URL, or ``Refused``: https outside development, no credentials in it."""
    parts = urlsplit(url)
    allowed = {"https", "http"} if development else {"https"}
    if parts.scheme not in allowed:
        raise Refused("the URL must use https" if not development else "the URL must use http or https")
    if not parts.hostname:
        raise Refused("the URL has no host")
    if parts.username or parts.password:
        raise Refused("the URL may not carry credentials")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise Refused("the URL's port is not valid") from exc
    host = parts.hostname
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        return host, port
    if not address_allowed(literal, allow_loopback=development):
        raise Refused(f"{host} is a loopback, private, link-local or reserved address")
    return host, port


async def check_target(url: str, *, development: bool) -> None:
    """Refuse a URL whose host is, or resolves to, an address webhooks may not reach."""
    host, port = parse_target(url, development=development)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise Refused(f"{host} does not resolve") from exc
    for info in infos:
        if not address_allowed(ipaddress.ip_address(info[4][0]), allow_loopback=development):
            raise Refused(f"{host} resolves to a loopback, private, link-local or reserved address")


class GuardedResolver(AbstractResolver):
    """aiohttp's resolver, refusing names that resolve to forbidden addresses (checked at connect time)."""

    def __init__(self, *, development: bool) -> None:
        self.development = development
        self._inner = ThreadedResolver()

    async def resolve(self, host: str, port: int = 0, family: Any = socket.AF_INET) -> list[ResolveResult]:
        found = await self._inner.resolve(host, port, family)
        if any(not address_allowed(ipaddress.ip_address(r["host"]), allow_loopback=self.development) for r in found):
            raise OSError(f"{host} resolves to an address webhooks may not reach")
        return found

    async def close(self) -> None:
        await self._inner.close()
