"""What every `withallo` command shares: the configuration and client, errors as one line with an exit code.

Exit codes: 0 done, 1 the API or the network failed (or a local server could not start), 2 a usage error (a
missing or bad option, no API key, an argument the SDK refused before sending). Never a traceback, never the key:
every message comes from click or from the SDK, whose messages never quote the key.
"""

from __future__ import annotations

import datetime
import signal
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NoReturn

import click

from withallo_ext._client import WithalloClient
from withallo_ext._config import API_KEY_ENV
from withallo_ext._sanitize import escaped
from withallo_ext.errors import (
    ApiConnectionError,
    ForbiddenError,
    InvalidParameterError,
    RateLimitError,
    ValidationError,
)

USAGE_ERROR = 2
FAILURE = 1
INTERRUPTED = 130  # Ctrl-C, as shells report it


class MissingKeyError(click.ClickException):
    """No API key from --api-key or WITHALLO_API_KEY: a usage error (exit 2)."""

    exit_code = USAGE_ERROR


@dataclass
class Config:
    """What the global options chose; the client is made on first use (`fake` and `listen` need no key)."""

    api_key: str | None
    base_url: str | None
    max_retries: int
    allow_insecure_http: bool = False
    _client: WithalloClient | None = field(default=None, repr=False)

    def client(self) -> WithalloClient:
        if self._client is None:
            if not self.api_key:
                raise MissingKeyError(f"no API key: set {API_KEY_ENV} (or pass --api-key)")
            self._client = WithalloClient(
                api_key=self.api_key,
                base_url=self.base_url,
                max_retries=self.max_retries,
                allow_insecure_http=self.allow_insecure_http,
            )
            click.get_current_context().call_on_close(self._client.close)
        return self._client


pass_config = click.make_pass_decorator(Config)


def describe(exc: BaseException) -> str:
    """`ValidationError: HTTP 422 (POST .../sms): VALIDATION_ERROR; to: not the same country as from` and the like."""
    extra = ""
    if isinstance(exc, ValidationError) and exc.errors:
        extra = "; " + "; ".join(f"{name}: {message}" for name, message in exc.errors.items())
    elif isinstance(exc, ForbiddenError) and exc.required_scopes:
        extra = "; missing scope " + ", ".join(exc.required_scopes)
    elif isinstance(exc, RateLimitError) and exc.quota_exceeded:
        pass  # its message already says when the quota resets
    elif isinstance(exc, RateLimitError) and isinstance(exc.retry_after, datetime.datetime):
        extra = f"; retry after {exc.retry_after.isoformat()}"
    elif isinstance(exc, RateLimitError) and exc.retry_after is not None:
        extra = f"; retry after {exc.retry_after:g} s"
    elif isinstance(exc, ApiConnectionError) and exc.method == "POST" and exc.may_have_been_sent:
        extra = "; it may have reached Allo, so it was not sent again"
    text = escaped(" ".join(f"{type(exc).__name__}: {exc}{extra}".split()))  # the SDK's are; a foreign one?
    return text if len(text) <= 400 else text[:399] + "…"


def serve_until_stopped() -> None:
    """Block until Ctrl-C or SIGTERM (servers: `withallo fake`, `withallo listen`), then say so on stderr."""
    stop = threading.Event()
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set()) if in_main else None
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    click.echo("stopped", err=True)


def fail(message: str, code: int) -> NoReturn:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


class RootGroup(click.Group):
    """click.Group whose standalone run reports every error as one line on stderr (click's usage errors too)."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            fail(exc.format_message() + where, USAGE_ERROR)
        except click.ClickException as exc:
            fail(exc.format_message(), exc.exit_code)
        except click.Abort:  # Ctrl-C (click turns KeyboardInterrupt into Abort)
            fail("interrupted", INTERRUPTED)
        except InvalidParameterError as exc:  # refused before anything was sent: the command line was wrong
            fail(describe(exc), USAGE_ERROR)
        except Exception as exc:  # WithalloError (API, network), OSError (a port in use), anything: one line
            fail(describe(exc), FAILURE)
        sys.exit(result if isinstance(result, int) else 0)
