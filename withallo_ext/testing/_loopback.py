"""Local traffic and HTTP proxies: what the test helpers need so that HTTP(S)_PROXY / ALL_PROXY never capture it.

httpx honours those variables (trust_env=True, the default), and a proxy cannot reach this machine's 127.0.0.1.
The clients the helpers create for their own local servers skip the environment (trust_env=False); clients the
user builds keep it, and a test run names loopback in NO_PROXY instead (`no_proxy_with_loopback`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import httpx

from .._validate import is_loopback_host

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def is_loopback(url: str | httpx.URL) -> bool:
    """True when `url` points at this machine: localhost or a loopback address (127.0.0.0/8, ::1)."""
    return is_loopback_host(httpx.URL(url).host)


def no_proxy_with_loopback(environ: Mapping[str, str] = os.environ) -> str:
    """The NO_PROXY value that keeps what `environ` has (NO_PROXY and no_proxy, merged) and adds loopback."""
    hosts: list[str] = []
    for name in ("NO_PROXY", "no_proxy"):
        hosts.extend(host.strip() for host in environ.get(name, "").split(","))
    hosts.extend(LOOPBACK_HOSTS)
    return ",".join(dict.fromkeys(host for host in hosts if host))
