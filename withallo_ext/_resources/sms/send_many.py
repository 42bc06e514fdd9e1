"""`sms.check_many` and `sms.send_many`, sync and async: every message checked first, then sent with bounded
concurrency, each at most once, with the outcomes in input order.

Sync sends run on a thread pool sharing the client (httpx.Client is thread-safe); async ones on `max_concurrency`
tasks of an anyio task group. Callbacks (`on_progress`, `on_outcome`, the progress bar) run in the caller's thread
(sync) or event loop (async), one at a time.

A spent key quota (a RateLimitError with `quota_exceeded`) stops the run: the messages not yet started get that
error without being sent (at most `max_concurrency` requests meet the quota, those already under way).

Interrupts: a sync KeyboardInterrupt stops starting new sends, waits for those in flight, and raises
SendManyInterrupted carrying every outcome (the unstarted ones marked not sent). An async cancellation is never
swallowed: it propagates as is (sends in flight are cancelled and may have gone out); `on_outcome` has
told the caller each outcome as it came.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import anyio

from withallo_ext import _operations as ops
from withallo_ext.errors import RateLimitError, WithalloError

from .bulk import (
    OutcomeCallback,
    Plan,
    ProgressCallback,
    SendManyInterrupted,
    SmsCheck,
    SmsOutcome,
    check_many,
    progress_bar,
)

# concurrent.futures is imported by the sync send_many that uses it, anyio.abc for type checking only: `from
# withallo_ext import WithalloClient` need not pay for them (about 3 ms with typing_extensions) when no send_many runs.
if TYPE_CHECKING:
    import concurrent.futures

    from anyio.abc import TaskGroup

    from withallo_client.models import SentSms

R = TypeVar("R")


class _SyncRunner(Protocol):
    def _run(self, op: ops.Op[R]) -> R: ...


class _AsyncRunner(Protocol):
    async def _run(self, op: ops.Op[R]) -> R: ...


class _Reporter:
    """Counts finished messages and tells the callbacks and the progress bar."""

    def __init__(
        self, total: int, on_progress: ProgressCallback | None, on_outcome: OutcomeCallback | None, bar: bool
    ) -> None:
        self.total = total
        self.done = 0
        self._on_progress = on_progress
        self._on_outcome = on_outcome
        self._bar: ProgressCallback | None = None
        self._stop_bar: Callable[[], None] | None = None
        if bar:
            self._bar, self._stop_bar = progress_bar(total)

    def finished(self, outcome: SmsOutcome) -> None:
        self.done += 1
        if self._on_outcome is not None:
            self._on_outcome(outcome)
        if self._on_progress is not None:
            self._on_progress(self.done, self.total)
        if self._bar is not None:
            self._bar(self.done, self.total)

    def close(self) -> None:
        if self._stop_bar is not None:
            self._stop_bar()


def _start(
    messages: Iterable[Mapping[str, Any]],
    max_concurrency: int,
    on_progress: ProgressCallback | None,
    on_outcome: OutcomeCallback | None,
    bar: bool,
) -> tuple[Plan, _Reporter]:
    """Check everything (arguments, then each message) before anything is sent; report the invalid ones."""
    plan = Plan.of(messages, max_concurrency)
    reporter = _Reporter(len(plan.messages), on_progress, on_outcome, bar)
    try:
        for outcome in plan.outcomes:
            if outcome is not None:
                reporter.finished(outcome)
    except BaseException:
        reporter.close()
        raise
    return plan, reporter


class _QuotaStop:
    """The first spent-quota error of a run: once set, no further message is sent (set from any worker thread)."""

    def __init__(self) -> None:
        self.error: RateLimitError | None = None

    def saw(self, error: WithalloError | None) -> None:
        if self.error is None and isinstance(error, RateLimitError) and error.quota_exceeded:
            self.error = error


class SmsBulkMixin:
    """`check_many` and `send_many` for the sync Sms resource."""

    def check_many(self, messages: Iterable[Mapping[str, Any]]) -> list[SmsCheck]:
        """Check every message without sending anything: validity, encoding (GSM-7/UCS-2), SMS segment count."""
        return check_many(messages)

    def send_many(
        self: _SyncRunner,
        messages: Iterable[Mapping[str, Any]],
        *,
        max_concurrency: int = 4,
        on_progress: Callable[[int, int], None] | None = None,
        progress_bar: bool = False,
        on_outcome: Callable[[SmsOutcome], None] | None = None,
    ) -> list[SmsOutcome]:
        """Send many texts, at most `max_concurrency` at a time; one SmsOutcome per message, in input order.

        Each message is a mapping with `to`, `message` and `from_` (or `from`) or `sender_id`. All are checked
        first: an invalid one gets a failed outcome and is not sent. A failure never stops the others, and no
        message is sent twice. `on_progress(done, total)` and `on_outcome(outcome)` are called as each message
        finishes; `progress_bar=True` draws one on stderr (needs `pip install 'withallo[cli]'`).
        A spent key quota stops the run: the messages not yet sent get its RateLimitError (`quota_exceeded`).
        Ctrl-C raises SendManyInterrupted with `.outcomes` once the sends in flight are done.
        """
        import concurrent.futures

        plan, reporter = _start(messages, max_concurrency, on_progress, on_outcome, progress_bar)
        quota = _QuotaStop()

        def send(op: ops.Op[SentSms]) -> tuple[SentSms | None, WithalloError | None]:
            if quota.error is not None:
                return None, quota.error
            try:
                return self._run(op), None
            except WithalloError as exc:
                quota.saw(exc)
                return None, exc

        to_send = plan.to_send
        pool = concurrent.futures.ThreadPoolExecutor(
            max_workers=max(1, min(max_concurrency, len(to_send))), thread_name_prefix="withallo-send-many"
        )
        futures = {pool.submit(send, op): index for index in to_send if (op := plan.ops[index]) is not None}
        try:
            for future in concurrent.futures.as_completed(futures):
                reporter.finished(plan.outcome(futures[future], *future.result()))
        except BaseException as exc:
            in_flight = _wind_down(plan, futures)
            if isinstance(exc, KeyboardInterrupt):
                raise SendManyInterrupted(plan.finished(in_flight)) from exc
            raise
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
            reporter.close()
        return plan.finished()


def _wind_down(plan: Plan, futures: dict[concurrent.futures.Future[Any], int]) -> list[int]:
    """After an interrupt: cancel the sends not started, wait for those in flight and record what they got.
    Returns the messages still in flight if a second interrupt cut the wait short."""
    import concurrent.futures

    running = [future for future in futures if not future.cancel() and not future.done()]
    with contextlib.suppress(KeyboardInterrupt):  # a second Ctrl-C: stop waiting; those left may have gone out
        concurrent.futures.wait(running)
    for future, index in futures.items():
        if future.done() and not future.cancelled() and plan.outcomes[index] is None:
            plan.outcome(index, *future.result())
    return [futures[future] for future in running if not future.done()]


class AsyncSmsBulkMixin:
    """`check_many` and `send_many` for the async Sms resource."""

    def check_many(self, messages: Iterable[Mapping[str, Any]]) -> list[SmsCheck]:
        """Check every message without sending anything: validity, encoding (GSM-7/UCS-2), SMS segment count."""
        return check_many(messages)

    async def send_many(
        self: _AsyncRunner,
        messages: Iterable[Mapping[str, Any]],
        *,
        max_concurrency: int = 4,
        on_progress: Callable[[int, int], None] | None = None,
        progress_bar: bool = False,
        on_outcome: Callable[[SmsOutcome], None] | None = None,
    ) -> list[SmsOutcome]:
        """Send many texts, at most `max_concurrency` at a time; one SmsOutcome per message, in input order.

        As the sync `send_many`. A cancellation propagates unchanged (sends in flight may have gone out);
        `on_outcome` has reported every outcome that came before it.
        """
        plan, reporter = _start(messages, max_concurrency, on_progress, on_outcome, progress_bar)
        pending = iter(plan.to_send)
        failure: list[BaseException] = []
        quota = _QuotaStop()

        async def worker(group: TaskGroup) -> None:
            for index in pending:
                op = plan.ops[index]
                assert op is not None
                result: SentSms | None = None
                error: WithalloError | None = quota.error
                if error is None:
                    try:
                        result = await self._run(op)
                    except WithalloError as exc:
                        error = exc
                        quota.saw(exc)
                try:
                    reporter.finished(plan.outcome(index, result, error))
                except Exception as exc:  # a caller's callback failed: stop, and raise it (not an ExceptionGroup)
                    failure.append(exc)
                    group.cancel_scope.cancel()
                    return

        try:
            async with anyio.create_task_group() as group:
                for _ in range(min(max_concurrency, len(plan.to_send))):
                    group.start_soon(worker, group)
        finally:
            reporter.close()
        if failure:
            raise failure[0]
        return plan.finished()
