"""Refuse every network connection that leaves this machine, in every Python process.

Each examples session writes `field_guide_offline.pth` into its venv's site-packages; `site`
reads it when any Python of that venv starts, so this module runs first in the test process and
in every subprocess (KFP's runner, Prefect's server, Metaflow's steps). Unlike a module named
`sitecustomize`, a `.pth` file cannot be shadowed by another package's. A refused attempt is also
appended to $FIELD_GUIDE_NETWORK_LOG, so that a library which swallows the error still fails the
run: the examples must not phone home.
"""

from __future__ import annotations

import ipaddress
import os
import socket

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", socket.gethostname()}


def is_local(host: object) -> bool:
    """True for loopback addresses and this machine's own names."""
    if host is None:
        return True  # getaddrinfo(None, port) means "bind locally"
    if isinstance(host, bytes):
        host = host.decode()
    host = str(host).split("%")[0]  # drop an IPv6 zone
    if host in _LOCAL_NAMES or host == "":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def refuse(what: str) -> None:
    message = (
        f"the Field Guide's examples run offline, so this was refused: {what} "
        "(loopback only; see tests/examples/offline/field_guide_offline.py)"
    )
    log = os.environ.get("FIELD_GUIDE_NETWORK_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"pid {os.getpid()}: {what}\n")
    raise ConnectionRefusedError(message)


def _guard(original, describe):
    def guarded(self, address, *args):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not is_local(address[0]):
            refuse(describe(address))
        return original(self, address, *args)

    guarded.__wrapped__ = original
    guarded.field_guide_guard = True
    return guarded


def _guard_sendto(original):
    def sendto(self, data, *args):
        address = args[-1]
        if self.family in (socket.AF_INET, socket.AF_INET6) and not is_local(address[0]):
            refuse(f"send to {address[0]}:{address[1]}")
        return original(self, data, *args)

    sendto.field_guide_guard = True
    return sendto


def _is_address(host: object) -> bool:
    try:
        ipaddress.ip_address(host.decode() if isinstance(host, bytes) else str(host))
    except ValueError:
        return False
    return True


def _guard_getaddrinfo(original):
    def getaddrinfo(host, *args, **kwargs):
        # A name means a DNS query; a numeric address is only parsed, and its connect is guarded.
        if not is_local(host) and not _is_address(host):
            refuse(f"resolve {host}")
        return original(host, *args, **kwargs)

    getaddrinfo.field_guide_guard = True
    return getaddrinfo


def install() -> None:
    if getattr(socket.socket.connect, "field_guide_guard", False):
        return
    socket.socket.connect = _guard(socket.socket.connect, lambda a: f"connect to {a[0]}:{a[1]}")
    socket.socket.connect_ex = _guard(
        socket.socket.connect_ex, lambda a: f"connect to {a[0]}:{a[1]}"
    )
    socket.socket.sendto = _guard_sendto(socket.socket.sendto)
    socket.getaddrinfo = _guard_getaddrinfo(socket.getaddrinfo)


install()
