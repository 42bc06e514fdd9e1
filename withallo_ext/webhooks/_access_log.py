"""Keep the webhook path token out of web servers' access logs: a logging filter that masks it in each record.

Allo calls the URL you registered and sends no header of yours, so the secret half of a ``/webhooks/allo/<token>``
URL travels in the request line, which every server's access log prints by default (uvicorn:
``"POST /webhooks/allo/G8qPKO5I... HTTP/1.1" 200``). `hide_webhook_tokens()` masks it where the servers log it, in
the record's arguments, before any handler formats them, so the format you configured stays as it is.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

DEFAULT_PREFIX = "/webhooks/allo/"
ACCESS_LOGGERS = ("uvicorn.access", "gunicorn.access", "werkzeug", "django.server")
"""Where uvicorn, gunicorn, Flask's development server and Django's runserver log each request."""

MASK = "***"


class WebhookTokenFilter(logging.Filter):
    """Replaces the path segment after `prefix` (``/webhooks/allo/<token>`` -> ``/webhooks/allo/***``) in a record's
    message and arguments (a tuple, as uvicorn and werkzeug log, or a mapping, as gunicorn's atoms). Never drops one.
    """

    def __init__(self, prefix: str = DEFAULT_PREFIX) -> None:
        super().__init__()
        if not isinstance(prefix, str) or not prefix.startswith("/") or not prefix.endswith("/"):
            raise ValueError(f"prefix: must start and end with '/', got {prefix!r}")
        self.prefix = prefix
        self._token = re.compile(re.escape(prefix) + r"[^/?#\s\"']+")

    def mask(self, text: str) -> str:
        """`text` with every token after the prefix replaced by ``***``."""
        return self._token.sub(self.prefix + MASK, text) if self.prefix in text else text

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = self.mask(record.msg)
        args = record.args
        if isinstance(args, tuple):
            record.args = tuple(self.mask(arg) if isinstance(arg, str) else arg for arg in args)
        elif isinstance(args, dict):  # gunicorn's atoms: a dict subclass answering "-" for a missing key; kept
            for key, value in args.items():
                if isinstance(value, str):
                    args[key] = self.mask(value)
        return True

    def __repr__(self) -> str:
        return f"WebhookTokenFilter(prefix={self.prefix!r})"


def hide_webhook_tokens(prefix: str = DEFAULT_PREFIX, loggers: Iterable[str] = ACCESS_LOGGERS) -> WebhookTokenFilter:
    """Mask the token after `prefix` in the access logs of uvicorn, gunicorn, Flask's and Django's dev servers.

    Call it once at startup, in the process that serves requests (your app factory or module): the filter goes on
    each named logger, where those servers log a request, so it holds whatever handlers and format they set up.
    Calling it again adds nothing. Returns the filter (``logger.removeFilter(it)`` undoes it).
    """
    names = [loggers] if isinstance(loggers, str) else list(loggers)

    def ours(logger: logging.Logger) -> list[WebhookTokenFilter]:
        return [f for f in logger.filters if isinstance(f, WebhookTokenFilter) and f.prefix == prefix]

    existing = [f for name in names for f in ours(logging.getLogger(name))]
    token_filter = existing[0] if existing else WebhookTokenFilter(prefix)
    for name in names:
        logger = logging.getLogger(name)
        if not ours(logger):
            logger.addFilter(token_filter)
    return token_filter
