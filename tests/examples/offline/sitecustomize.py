"""Refuse every network connection that leaves this machine, in every Python process.

The examples sessions put this folder on PYTHONPATH, so Python imports this module at start-up
in the test process and in every subprocess it starts (KFP's runner, Prefect's server). A refused
attempt is also appended to $FIELD_GUIDE_NETWORK_LOG, so that a library which swallows the error
still fails the run: the examples must not phone home.
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
    message = f"network access blocked by the Field Guide's offline guard: {what}"
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


def _guard_getaddrinfo(original):
    def getaddrinfo(host, *args, **kwargs):
        if not is_local(host):
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
