"""A client's options resolved before anything is sent: the key and API root (arguments, else the WITHALLO_API_KEY
and WITHALLO_BASE_URL environment variables, else production), the User-Agent, and the client-side rate limiter
asked for. Each bad value is refused naming where it came from.
"""

from __future__ import annotations

import os
import platform

import httpx

from . import _validate as check
from ._ratelimit import RateLimits
from ._throttle import RateLimiter
from .errors import InvalidParameterError

ENVIRONMENTS = {"production": "https://api.withallo.com/v1/api"}
API_KEY_ENV = "WITHALLO_API_KEY"
BASE_URL_ENV = "WITHALLO_BASE_URL"


def default_user_agent() -> str:
    """Names the SDK and its version, then httpx's and Python's (like `withallo-python/0.1.0 httpx/0.28.1 ...`)."""
    from . import __version__  # read from the package metadata on first use, then cached by the package

    return f"withallo-python/{__version__} httpx/{httpx.__version__} python/{platform.python_version()}"


def resolve_api_key(api_key: str | None) -> str:
    """The checked key: `api_key` when given, else WITHALLO_API_KEY."""
    return check.api_key(api_key if api_key is not None else os.environ.get(API_KEY_ENV))


def resolve_base_url(base_url: str | None, environment: str | None) -> tuple[str, str]:
    """(where it came from, the checked URL): `base_url` when given, else `environment` when given, else
    WITHALLO_BASE_URL when set (and not empty), else production; a bad value is refused naming its source."""
    if base_url is not None:
        return "base_url", check.base_url("base_url", base_url)
    if environment is None:
        from_env = os.environ.get(BASE_URL_ENV)
        if from_env:
            return BASE_URL_ENV, check.base_url(BASE_URL_ENV, from_env)
        environment = "production"
    if not isinstance(environment, str):
        raise InvalidParameterError("environment", '"production" or a full http(s) URL')
    return "environment", check.base_url("environment", ENVIRONMENTS.get(environment.lower(), environment))


def limiter(rate_limits: RateLimits | None, rate_limiter: RateLimiter | None) -> RateLimiter | None:
    """The client-side pacing asked for: in this client (`rate_limits`), shared (`rate_limiter`), or none."""
    if rate_limits is not None and rate_limiter is not None:
        raise InvalidParameterError("rate_limits", "give rate_limits (this client) or rate_limiter (shared), not both")
    if rate_limits is not None:
        if not isinstance(rate_limits, RateLimits):
            raise InvalidParameterError("rate_limits", "must be a RateLimits, e.g. RateLimits(write_per_second=5)")
        from ._pacing import LocalRateLimiter

        return LocalRateLimiter(rate_limits)
    if rate_limiter is not None and not isinstance(rate_limiter, RateLimiter):
        raise InvalidParameterError(
            "rate_limiter", "must have acquire(bucket, max_wait) and aacquire(bucket, max_wait)"
        )
    return rate_limiter
