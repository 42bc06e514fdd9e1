"""withallo: the Python SDK for the Allo (Withallo) API.

The public names are loaded lazily, so ``import withallo_ext`` stays cheap for code that only needs one of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._lazy import lazy_names as _lazy_names

# The version lives in pyproject.toml only; __version__ reads the installed distribution's metadata on first use
# (see __getattr__), since importing importlib.metadata costs about 20 ms that `import withallo_ext` need not pay.
__version__: str
_DISTRIBUTION = "withallo"
_UNKNOWN_VERSION = "0+unknown"  # a source tree that was never `pip install`ed

if TYPE_CHECKING:
    from withallo_client.models.webhook_topic import WebhookTopic

    from ._client import AsyncWithalloClient, WithalloClient
    from ._pages import Page
    from ._ratelimit import RateLimits, RateLimitSnapshot
    from ._resources.sms.bulk import SendInterruptedError, SendManyInterrupted, SmsCheck, SmsOutcome
    from .webhooks import (
        OwnNumbers,
        WebhookEvent,
        WebhookReceiver,
        WebhookResponse,
        WebhookTokenFilter,
        fetch_own_numbers,
        fetch_own_numbers_async,
        generate_webhook_secret,
        hide_webhook_tokens,
        verify_path_token,
        verify_signature,
    )

# public name -> module that defines it
_LAZY = {
    "WithalloClient": "withallo_ext._client",
    "AsyncWithalloClient": "withallo_ext._client",
    "Page": "withallo_ext._pages",
    "SmsCheck": "withallo_ext._resources.sms.bulk",
    "SmsOutcome": "withallo_ext._resources.sms.bulk",
    "SendManyInterrupted": "withallo_ext._resources.sms.bulk",
    "SendInterruptedError": "withallo_ext._resources.sms.bulk",
    "RateLimits": "withallo_ext._ratelimit",
    "RateLimitSnapshot": "withallo_ext._ratelimit",
    "WebhookReceiver": "withallo_ext.webhooks",
    "OwnNumbers": "withallo_ext.webhooks",
    "WebhookEvent": "withallo_ext.webhooks",
    "WebhookResponse": "withallo_ext.webhooks",
    "fetch_own_numbers": "withallo_ext.webhooks",
    "fetch_own_numbers_async": "withallo_ext.webhooks",
    "verify_path_token": "withallo_ext.webhooks",
    "verify_signature": "withallo_ext.webhooks",
    "generate_webhook_secret": "withallo_ext.webhooks",
    "hide_webhook_tokens": "withallo_ext.webhooks",
    "WebhookTokenFilter": "withallo_ext.webhooks",
    "WebhookTopic": "withallo_client.models.webhook_topic",
}

__all__ = [
    "AsyncWithalloClient",
    "OwnNumbers",
    "Page",
    "RateLimitSnapshot",
    "RateLimits",
    "SendInterruptedError",
    "SendManyInterrupted",
    "SmsCheck",
    "SmsOutcome",
    "WebhookEvent",
    "WebhookReceiver",
    "WebhookResponse",
    "WebhookTokenFilter",
    "WebhookTopic",
    "WithalloClient",
    "__version__",
    "fetch_own_numbers",
    "fetch_own_numbers_async",
    "generate_webhook_secret",
    "hide_webhook_tokens",
    "verify_path_token",
    "verify_signature",
]


def _installed_version() -> str:
    """pyproject.toml's version, as installed (an editable install is re-read only by `pip install -e .`)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(_DISTRIBUTION)
    except PackageNotFoundError:
        return _UNKNOWN_VERSION


if not TYPE_CHECKING:  # hidden from type checkers, so a misspelt public name stays an error for them
    _lazy_getattr = _lazy_names(__name__, _LAZY, globals())

    def __getattr__(name: str) -> Any:
        if name == "__version__":
            globals()[name] = value = _installed_version()
            return value
        return _lazy_getattr(name)


def __dir__() -> list[str]:
    return sorted(__all__)
