"""Many texts at once, as data: reading each message mapping, the check-only pass, and the outcome of each send.

`sms.check_many` and `sms.send_many` (send_many.py) share these: a message is a mapping with `to`,
`message`, and either `from_` (or `from`) for a text from one of your Allo numbers, or `sender_id` for France.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from withallo_ext import _operations as ops
from withallo_ext.errors import ApiConnectionError, ApiError, InvalidParameterError, WithalloError

from .segments import Encoding, count_segments

if TYPE_CHECKING:
    from withallo_client.models import SentSms

ProgressCallback = Callable[[int, int], None]
OutcomeCallback = Callable[["SmsOutcome"], None]

_KEYS = frozenset({"to", "message", "from_", "from", "sender_id"})


class SendInterruptedError(WithalloError):
    """This message's send was cut short by an interrupt: never started (`may_have_been_sent` False), or
    abandoned in flight (True: it may have gone out)."""

    def __init__(self, message: str, *, may_have_been_sent: bool) -> None:
        self.may_have_been_sent = may_have_been_sent
        super().__init__(message)


class SendManyInterrupted(KeyboardInterrupt):
    """Ctrl-C (KeyboardInterrupt) during a sync `send_many`: `.outcomes` holds every message's outcome, in input
    order. Sends in flight were waited for; the messages not yet started have a SendInterruptedError (not sent).

    It is a KeyboardInterrupt, so a program that does not catch it still stops as Ctrl-C asked.
    """

    def __init__(self, outcomes: list[SmsOutcome]) -> None:
        self.outcomes = outcomes
        sent = sum(o.ok for o in outcomes)
        super().__init__(f"send_many interrupted: {sent} of {len(outcomes)} messages sent")

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.outcomes,)


@dataclass(frozen=True)
class SmsCheck:
    """The check-only verdict on one message: valid or not (`error`), its encoding and SMS segment count."""

    index: int
    ok: bool
    encoding: Encoding | None
    segments: int
    error: InvalidParameterError | None = None


@dataclass(frozen=True)
class SmsOutcome:
    """What became of one message of `send_many`: `result` (the sent SMS) when `ok`, else `error`."""

    index: int
    message: Mapping[str, Any]
    ok: bool
    result: SentSms | None = None
    error: WithalloError | None = field(default=None, repr=True)

    @property
    def may_have_been_sent(self) -> bool:
        """False only when the message surely did not go out: refused locally, by the API (4xx), or never tried."""
        if self.ok:
            return True
        error = self.error
        if isinstance(error, ApiConnectionError | SendInterruptedError):
            return error.may_have_been_sent
        return isinstance(error, ApiError) and error.status_code >= 500


def _read(index: int, item: object) -> ops.Op[SentSms]:
    """The send operation for one message mapping; InvalidParameterError (naming `messages[i].field`) if invalid."""
    where = f"messages[{index}]"
    if not isinstance(item, Mapping):
        raise InvalidParameterError(where, f"must be a mapping with to, message and from_ or sender_id, not {item!r}")
    unknown = sorted(str(k) for k in item if k not in _KEYS)
    if unknown:
        raise InvalidParameterError(where, f"unknown key(s) {unknown}; expected to, message, from_ or sender_id")
    senders = [k for k in ("from_", "from", "sender_id") if k in item]
    if len(senders) != 1:
        rule = "needs exactly one of from_ (or from) and sender_id"
        raise InvalidParameterError(where, rule + (f", got {senders}" if senders else ""))
    for key in ("to", "message"):
        if key not in item:
            raise InvalidParameterError(f"{where}.{key}", "is missing")
    try:
        if senders[0] == "sender_id":
            return ops.sms_send_france(item["sender_id"], item["to"], item["message"])
        return ops.sms_send(item[senders[0]], item["to"], item["message"])
    except InvalidParameterError as exc:
        name = senders[0] if exc.field in ("from_", "sender_id") else exc.field  # the key the caller used
        raise InvalidParameterError(f"{where}.{name}", exc.rule) from None


def check_one(index: int, item: object) -> SmsCheck:
    """The check of one message (nothing is sent)."""
    try:
        _read(index, item)
    except InvalidParameterError as exc:
        return SmsCheck(index, ok=False, encoding=None, segments=0, error=exc)
    assert isinstance(item, Mapping)
    count = count_segments(item["message"])
    return SmsCheck(index, ok=True, encoding=count.encoding, segments=count.segments)


def check_many(messages: Iterable[Mapping[str, Any]]) -> list[SmsCheck]:
    """Every message checked, in input order: validity, encoding and segment count. Nothing is sent."""
    return [check_one(index, item) for index, item in enumerate(_listed(messages))]


def _listed(messages: object) -> list[Any]:
    if isinstance(messages, str | bytes | Mapping) or not isinstance(messages, Iterable):
        raise InvalidParameterError("messages", "must be an iterable of message mappings")
    return list(messages)


@dataclass
class Plan:
    """A whole run before anything is sent: the messages, their send operations (None: invalid) and outcomes."""

    messages: list[Any]
    ops: list[ops.Op[SentSms] | None]
    outcomes: list[SmsOutcome | None]

    @classmethod
    def of(cls, messages: Iterable[Mapping[str, Any]], max_concurrency: int) -> Plan:
        if isinstance(max_concurrency, bool) or not isinstance(max_concurrency, int) or max_concurrency < 1:
            raise InvalidParameterError("max_concurrency", "must be an integer >= 1")
        listed = _listed(messages)
        plan = cls(listed, [], [None] * len(listed))
        for index, item in enumerate(listed):
            try:
                plan.ops.append(_read(index, item))
            except InvalidParameterError as exc:
                plan.ops.append(None)
                plan.outcomes[index] = SmsOutcome(index, _as_mapping(item), ok=False, error=exc)
        return plan

    @property
    def to_send(self) -> list[int]:
        """Indexes of the valid messages, in input order."""
        return [index for index, op in enumerate(self.ops) if op is not None]

    def outcome(self, index: int, result: SentSms | None, error: WithalloError | None) -> SmsOutcome:
        outcome = SmsOutcome(index, _as_mapping(self.messages[index]), ok=error is None, result=result, error=error)
        self.outcomes[index] = outcome
        return outcome

    def finished(self, in_flight: Iterable[int] = ()) -> list[SmsOutcome]:
        """Every outcome; those still missing are interrupted: in flight (may have been sent) or never started."""
        flying = set(in_flight)
        for index, outcome in enumerate(self.outcomes):
            if outcome is None:
                started = index in flying
                reason = "interrupted while in flight; it may have been sent" if started else "interrupted: not sent"
                self.outcome(index, None, SendInterruptedError(reason, may_have_been_sent=started))
        return [o for o in self.outcomes if o is not None]


def _as_mapping(item: object) -> Mapping[str, Any]:
    return item if isinstance(item, Mapping) else {"value": item}


def progress_bar(total: int) -> tuple[ProgressCallback, Callable[[], None]]:
    """A rich progress bar on stderr: (update(done, total), stop). Needs the `cli` extra."""
    try:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    except ImportError:
        raise InvalidParameterError(
            "progress_bar", "needs the rich package: pip install 'withallo[cli]' (or pass on_progress=)"
        ) from None
    bar = Progress(
        TextColumn("Sending"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    )
    task = bar.add_task("sms", total=total)
    bar.start()

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    return update, bar.stop
