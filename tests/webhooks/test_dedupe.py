"""The dedupe stores (one suite, run against MemoryDedupeStore and a real redis-server) and a receiver using them."""

from __future__ import annotations

import importlib
import subprocess
import sys
import threading
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from tests._redis import free_port
from withallo_ext import WebhookEvent, WebhookReceiver, WebhookTopic
from withallo_ext.errors import DedupeStoreError, InvalidParameterError
from withallo_ext.webhooks import (
    BODY_HASH_TTL,
    DEFAULT_TTL,
    IN_PROGRESS_LEASE,
    DedupeStore,
    MemoryDedupeStore,
    RedisDedupeStore,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class StoreKit:
    """A store factory for one backend, and a way to let every claim made so far expire (checking its TTL)."""

    make: Callable[[float], DedupeStore]
    expire_all: Callable[[], None]
    name: str


@pytest.fixture
def redis_client(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url)
    client.ping()  # with WITHALLO_TEST_REDIS_URL set, an unreachable server fails here: no skip
    yield client
    client.close()


@pytest.fixture(params=["memory", "redis"])
def kit(request: pytest.FixtureRequest) -> Iterator[StoreKit]:
    if request.param == "memory":
        clock = FakeClock()
        made: list[MemoryDedupeStore] = []

        def make_memory(ttl: float) -> DedupeStore:
            made.append(MemoryDedupeStore(ttl, clock=clock))
            return made[-1]

        def advance() -> None:
            clock.now += max(store.ttl for store in made) + 0.001

        yield StoreKit(make_memory, advance, "memory")
        return

    client: redis.Redis = request.getfixturevalue("redis_client")
    prefix = f"withallo-test:{uuid.uuid4().hex}:"

    ttls: list[float] = []

    def make_redis(ttl: float) -> DedupeStore:
        ttls.append(ttl)
        return RedisDedupeStore(client, ttl=ttl, prefix=prefix)

    def expire_in_redis() -> None:
        """Each claim carries the store's TTL; bring every expiry forward to now, then let Redis itself expire them.

        Waiting out a real TTL would need a short one, and the claims before it would race it on a slow runner.
        """
        keys = client.keys(prefix + "*")
        assert keys, "no claim to expire"
        for key in keys:
            left_ms = client.pttl(key)
            assert min(ttls) * 1000 / 2 < left_ms <= max(ttls) * 1000, f"{key!r} expires in {left_ms} ms"
            client.pexpire(key, 1)
        deadline = time.monotonic() + 10
        while client.keys(prefix + "*"):  # polled, not slept for a fixed time
            assert time.monotonic() < deadline, "Redis did not expire the keys"
            time.sleep(0.01)

    yield StoreKit(make_redis, expire_in_redis, "redis")
    for key in client.scan_iter(prefix + "*"):
        client.delete(key)


def test_first_claim_wins_and_repeats_are_refused(kit: StoreKit) -> None:
    store = kit.make(3600)
    assert store.claim("msg_1") is True
    assert store.claim("msg_1") is False
    assert store.claim("msg_1") is False
    assert store.claim("msg_2") is True


def test_a_released_claim_can_be_made_again(kit: StoreKit) -> None:
    store = kit.make(3600)
    assert store.claim("msg_1")
    store.release("msg_1")
    assert store.claim("msg_1") is True
    store.release("never claimed")  # no error


def test_claims_expire_after_the_ttl(kit: StoreKit) -> None:
    store = kit.make(60)
    assert store.claim("msg_1")
    assert store.claim("msg_1") is False
    kit.expire_all()
    assert store.claim("msg_1") is True
    assert store.claim("msg_1") is False


def test_concurrent_claims_of_one_key_let_exactly_one_through(kit: StoreKit) -> None:
    store = kit.make(3600)
    results: list[bool] = []
    barrier = threading.Barrier(8)

    def worker() -> None:
        barrier.wait()
        results.append(store.claim("msg_race"))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]


def test_stores_satisfy_the_protocol(kit: StoreKit) -> None:
    assert isinstance(kit.make(1), DedupeStore)


def _receiver_with(store: DedupeStore, ran: list[str]) -> WebhookReceiver:
    return WebhookReceiver(dedupe=store).on_any(lambda event: ran.append(str(event.get("id"))))


def test_a_replayed_delivery_runs_its_handlers_once(kit: StoreKit) -> None:
    ran: list[str] = []
    receiver = _receiver_with(kit.make(3600), ran)
    body = b'{"topic": "CALL_RECEIVED", "data": {"id": "call-1"}}'
    assert receiver.dispatch(receiver.parse(body)) == 1
    assert receiver.dispatch(receiver.parse(body)) == 0  # byte-identical replay, no webhook-id
    assert ran == ["call-1"]


def test_two_updates_of_one_contact_both_run(kit: StoreKit) -> None:
    ran: list[str] = []
    receiver = _receiver_with(kit.make(3600), ran)
    receiver.handle(b'{"topic": "CONTACT_UPDATED", "data": {"id": "cnt_1", "name": "Jane"}}')
    receiver.handle(b'{"topic": "CONTACT_UPDATED", "data": {"id": "cnt_1", "name": "Janet"}}')
    assert ran == ["cnt_1", "cnt_1"]


def test_the_webhook_id_header_is_the_key_when_present(kit: StoreKit) -> None:
    ran: list[str] = []
    receiver = _receiver_with(kit.make(3600), ran)
    receiver.handle(b'{"topic": "PING", "data": {"id": "a"}}', {"webhook-id": "msg_1"})
    receiver.handle(b'{"topic": "PING", "data": {"id": "b"}}', {"webhook-id": "msg_1"})  # same delivery id
    receiver.handle(b'{"topic": "PING", "data": {"id": "a"}}', {"webhook-id": "msg_2"})  # same body, new id
    assert ran == ["a", "a"]


def test_a_failed_handler_releases_the_claim_so_a_replay_runs_again(kit: StoreKit) -> None:
    attempts: list[int] = []

    def flaky(event: WebhookEvent) -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("database down")

    receiver = WebhookReceiver(dedupe=kit.make(3600)).on(WebhookTopic.PING, flaky)
    body = b'{"topic": "PING", "data": {}}'
    with pytest.raises(RuntimeError):
        receiver.handle(body)
    assert receiver.dispatch(receiver.parse(body)) == 1
    assert receiver.dispatch(receiver.parse(body)) == 0
    assert len(attempts) == 2


def test_hand_built_events_without_a_delivery_id_are_not_deduplicated(kit: StoreKit) -> None:
    ran: list[str] = []
    receiver = _receiver_with(kit.make(3600), ran)
    event = WebhookEvent(topic=WebhookTopic.PING, data={"id": "p"}, raw={})
    assert receiver.dispatch(event) == 1
    assert receiver.dispatch(event) == 1


def test_redis_store_sets_the_key_with_nx_and_a_ttl(redis_client: redis.Redis) -> None:
    prefix = f"withallo-test:{uuid.uuid4().hex}:"
    store = RedisDedupeStore(redis_client, ttl=120, prefix=prefix)
    assert store.claim("msg_1")
    assert redis_client.get(prefix + "msg_1") == b"1"
    assert 119_000 < int(redis_client.pttl(prefix + "msg_1")) <= 120_000
    store.release("msg_1")
    assert redis_client.exists(prefix + "msg_1") == 0


def test_redis_store_from_url(redis_url: str) -> None:
    store = RedisDedupeStore.from_url(redis_url, ttl=60, prefix=f"withallo-test:{uuid.uuid4().hex}:")
    assert store.claim("k") is True
    assert store.claim("k") is False
    store.release("k")


def test_an_unreachable_redis_is_a_dedupe_store_error_and_a_503() -> None:
    client = redis.Redis(host="127.0.0.1", port=free_port(), socket_connect_timeout=1, retry=Retry(NoBackoff(), 0))
    store = RedisDedupeStore(client, ttl=60)
    with pytest.raises(DedupeStoreError, match="Redis dedupe store failed: ConnectionError"):
        store.claim("k")

    ran: list[str] = []
    receiver = _receiver_with(store, ran)
    response = receiver.respond(b'{"topic": "PING", "data": {"id": "p"}}')
    assert (response.status, response.body) == (503, {"ok": False, "error": "dedupe_unavailable"})
    assert ran == []
    with pytest.raises(DedupeStoreError):
        receiver.handle(b'{"topic": "PING", "data": {"id": "p"}}')


def test_any_store_failure_becomes_a_dedupe_store_error() -> None:
    class Broken:
        def claim(self, key: str) -> bool:
            raise OSError("disk full")

        def release(self, key: str) -> None:
            raise OSError("disk full")

    receiver = WebhookReceiver(dedupe=Broken())
    with pytest.raises(DedupeStoreError, match="OSError: disk full"):
        receiver.handle(b'{"topic": "PING", "data": {}}')


def test_memory_store_keeps_at_most_max_entries_dropping_the_oldest() -> None:
    clock = FakeClock()
    store = MemoryDedupeStore(3600, max_entries=2, clock=clock)
    for key in ("a", "b", "c"):
        assert store.claim(key)
        clock.now += 1
    assert len(store) == 2
    assert store.claim("a") is True  # forgotten to make room
    assert store.claim("c") is False


def test_memory_store_forgets_expired_entries() -> None:
    clock = FakeClock()
    store = MemoryDedupeStore(10, clock=clock)
    store.claim("a")
    clock.now += 5
    store.claim("b")
    clock.now += 5.5
    assert len(store) == 1
    assert store.claim("b") is False
    assert store.claim("a") is True


@pytest.mark.parametrize("ttl", [0, -1])
def test_stores_refuse_a_ttl_that_is_not_positive(ttl: float) -> None:
    with pytest.raises(InvalidParameterError, match="ttl"):
        MemoryDedupeStore(ttl)
    with pytest.raises(InvalidParameterError, match="ttl"):
        RedisDedupeStore(redis.Redis(), ttl=ttl)


def test_a_receiver_refuses_something_that_is_not_a_store() -> None:
    with pytest.raises(InvalidParameterError, match="dedupe"):
        WebhookReceiver(dedupe=set())  # type: ignore[arg-type]


def test_dedupe_store_error_lives_with_the_other_exceptions() -> None:
    from withallo_ext import errors

    assert issubclass(errors.DedupeStoreError, errors.WithalloError)
    assert "DedupeStoreError" in errors.__all__
    assert "DedupeStoreError" in (errors.__doc__ or "")


DEPRECATED = (
    "withallo_ext.dedupe is deprecated and goes in withallo 1.0: import the dedupe stores from withallo_ext.webhooks "
    "(from withallo_ext.webhooks import MemoryDedupeStore, RedisDedupeStore, DEFAULT_TTL)"
)


def test_withallo_ext_dedupe_is_a_deprecated_alias_of_the_stores(monkeypatch: pytest.MonkeyPatch) -> None:
    from withallo_ext import errors, webhooks

    monkeypatch.delitem(sys.modules, "withallo_ext.dedupe", raising=False)  # imported afresh, put back afterwards
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        old = importlib.import_module("withallo_ext.dedupe")
        importlib.import_module("withallo_ext.dedupe")  # a second import: no second warning
    assert [(w.category, str(w.message)) for w in caught] == [(DeprecationWarning, DEPRECATED)]
    assert sorted(old.__all__) == [
        "DEFAULT_TTL",
        "DedupeStore",
        "DedupeStoreError",
        "MemoryDedupeStore",
        "RedisDedupeStore",
    ]
    assert (old.MemoryDedupeStore, old.RedisDedupeStore, old.DedupeStore) == (
        webhooks.MemoryDedupeStore,
        webhooks.RedisDedupeStore,
        webhooks.DedupeStore,
    )
    assert old.DedupeStoreError is errors.DedupeStoreError
    assert old.DEFAULT_TTL == 48 * 3600.0


def test_the_deprecation_warning_names_the_users_import_line_once(tmp_path: Path) -> None:
    # in a fresh interpreter: under pytest, withallo_ext is imported through pytest's assertion rewriter (the package
    # ships a pytest plugin), whose frames would stand where the user's are
    script = tmp_path / "app.py"
    script.write_text(
        "import warnings\n"
        "warnings.simplefilter('always')\n"
        "from withallo_ext.dedupe import MemoryDedupeStore\n"
        "import withallo_ext.dedupe\n"
        "assert MemoryDedupeStore is withallo_ext.dedupe.MemoryDedupeStore\n"
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert done.stderr.splitlines() == [
        f"{script}:3: DeprecationWarning: {DEPRECATED}",
        "  from withallo_ext.dedupe import MemoryDedupeStore",
    ]


# -- body-digest keys (no webhook-id) are kept for BODY_HASH_TTL only; webhook-id keys for the store's ttl ---------

JANE = b'{"topic": "CONTACT_UPDATED", "data": {"id": "cnt_1", "name": "Jane"}}'
JANET = b'{"topic": "CONTACT_UPDATED", "data": {"id": "cnt_1", "name": "Janet"}}'


def _names_receiver(store: DedupeStore, names: list[str]) -> WebhookReceiver:
    return WebhookReceiver(dedupe=store).on_any(lambda event: names.append(str(event.get("name"))))


def test_a_contact_renamed_back_after_the_body_hash_window_is_handled_each_time() -> None:
    """Jane, Janet, Jane: the third body is byte-identical to the first, but 48 h no longer hide it (was the bug)."""
    clock = FakeClock()
    names: list[str] = []
    receiver = _names_receiver(MemoryDedupeStore(clock=clock), names)
    answers = []
    for body in (JANE, JANET, JANE):
        answers.append(receiver.respond(body).body)
        clock.now += BODY_HASH_TTL + 1
    assert names == ["Jane", "Janet", "Jane"]
    assert answers == [{"ok": True}] * 3


def test_a_byte_identical_replay_inside_the_body_hash_window_is_a_duplicate() -> None:
    clock = FakeClock()
    names: list[str] = []
    receiver = _names_receiver(MemoryDedupeStore(clock=clock), names)
    assert receiver.respond(JANE).body == {"ok": True}
    clock.now += BODY_HASH_TTL - 1
    assert receiver.respond(JANE).body == {"ok": True, "duplicate": True}
    assert names == ["Jane"]


def test_a_webhook_id_is_still_remembered_for_the_stores_full_ttl() -> None:
    clock = FakeClock()
    names: list[str] = []
    receiver = _names_receiver(MemoryDedupeStore(clock=clock), names)
    assert receiver.respond(JANE, {"webhook-id": "msg_1"}).body == {"ok": True}
    clock.now += DEFAULT_TTL - 1  # far past BODY_HASH_TTL
    assert receiver.respond(JANE, {"webhook-id": "msg_1"}).body == {"ok": True, "duplicate": True}
    clock.now += 2
    assert receiver.respond(JANE, {"webhook-id": "msg_1"}).body == {"ok": True}
    assert names == ["Jane", "Jane"]


def test_redis_keeps_a_body_digest_for_body_hash_ttl_and_a_webhook_id_for_the_ttl(redis_client: redis.Redis) -> None:
    prefix = f"withallo-test:{uuid.uuid4().hex}:"
    receiver = _names_receiver(RedisDedupeStore(redis_client, ttl=DEFAULT_TTL, prefix=prefix), [])
    event = receiver.handle(JANE)
    assert event.delivery_id is not None
    assert event.delivery_id.startswith("sha256:")
    assert BODY_HASH_TTL * 1000 - 5000 < int(redis_client.pttl(prefix + event.delivery_id)) <= BODY_HASH_TTL * 1000
    receiver.handle(JANE, {"webhook-id": "msg_1"})
    assert DEFAULT_TTL * 1000 - 5000 < int(redis_client.pttl(prefix + "msg_1")) <= DEFAULT_TTL * 1000
    for key in redis_client.scan_iter(prefix + "*"):
        redis_client.delete(key)


def test_a_store_written_for_claim_key_only_still_works_and_gets_no_ttl() -> None:
    """DedupeStore's documented protocol was claim(key)/release(key): such a store is called with the key alone."""
    calls: list[tuple[object, ...]] = []

    class OldStore:
        def __init__(self) -> None:
            self.keys: set[str] = set()

        def claim(self, key: str) -> bool:
            calls.append((key,))
            if key in self.keys:
                return False
            self.keys.add(key)
            return True

        def release(self, key: str) -> None:
            self.keys.discard(key)

    names: list[str] = []
    receiver = _names_receiver(OldStore(), names)
    assert [receiver.respond(body).body for body in (JANE, JANE)] == [{"ok": True}, {"ok": True, "duplicate": True}]
    assert names == ["Jane"]
    assert len(calls) == 2
    assert all(len(call) == 1 for call in calls)


def test_a_store_whose_claim_takes_ttl_is_given_it_per_key() -> None:
    calls: list[tuple[str, float | None]] = []

    class TtlStore:
        def claim(self, key: str, ttl: float | None = None) -> bool:
            calls.append((key[:7], ttl))
            return True

        def release(self, key: str) -> None:
            pass

    receiver = WebhookReceiver(dedupe=TtlStore())
    receiver.handle(JANE)
    receiver.handle(JANE, {"webhook-id": "msg_123"})
    assert calls == [("sha256:", BODY_HASH_TTL), ("msg_123", None)]


@pytest.mark.parametrize("ttl", [0, -1, float("nan")])
def test_a_per_claim_ttl_that_is_not_positive_is_refused(ttl: float) -> None:
    with pytest.raises(InvalidParameterError, match="ttl"):
        MemoryDedupeStore().claim("k", ttl=ttl)
    with pytest.raises(InvalidParameterError, match="ttl"):
        RedisDedupeStore(redis.Redis()).claim("k", ttl=ttl)


def test_memory_store_expires_keys_of_different_ttls_each_on_time() -> None:
    clock = FakeClock()
    store = MemoryDedupeStore(3600, clock=clock)
    assert store.claim("long")  # 3600 s, claimed first: must not hold back the short one's expiry
    assert store.claim("short", ttl=10)
    clock.now += 11
    assert len(store) == 1
    assert store.claim("short") is True
    assert store.claim("long") is False


# -- two-phase claims: a lease while the handlers run, done only after they succeeded -------------------------------

CALL = b'{"topic": "CALL_RECEIVED", "data": {"id": "call-7"}}'
MSG = {"webhook-id": "msg_7"}


def test_begin_leases_finish_marks_done_release_forgets(kit: StoreKit) -> None:
    store = kit.make(3600)
    assert store.begin("msg_1") == "claimed"  # type: ignore[attr-defined]
    assert store.begin("msg_1") == "in_progress"  # type: ignore[attr-defined]
    assert store.claim("msg_1") is False  # the one-phase claim sees the lease too
    store.finish("msg_1")  # type: ignore[attr-defined]
    assert store.begin("msg_1") == "done"  # type: ignore[attr-defined]
    store.release("msg_1")
    assert store.begin("msg_1") == "claimed"  # type: ignore[attr-defined]


def test_a_redelivery_while_the_first_worker_died_mid_handler_is_503_until_the_lease_runs_out() -> None:
    """Worker A began the claim and was killed before finishing (nothing released it). Before the fix the redelivery
    was answered 200 duplicate and the event was never handled."""
    clock = FakeClock()
    store = MemoryDedupeStore(clock=clock)
    assert store.begin("msg_7") == "claimed"  # worker A, killed here
    ran: list[str] = []
    receiver = _receiver_with(store, ran)
    clock.now += IN_PROGRESS_LEASE - 1
    response = receiver.respond(CALL, MSG)
    assert (response.status, response.body) == (503, {"ok": False, "error": "in_progress"})
    with pytest.raises(DedupeStoreError, match="being handled by another worker"):
        receiver.handle(CALL, MSG)
    assert ran == []
    clock.now += 2  # the lease is over
    assert receiver.respond(CALL, MSG).body == {"ok": True}
    assert ran == ["call-7"]
    clock.now += DEFAULT_TTL - 1  # done is kept for the full ttl, not the lease
    assert receiver.respond(CALL, MSG).body == {"ok": True, "duplicate": True}
    assert ran == ["call-7"]


def test_a_redelivery_while_a_slow_handler_still_runs_is_503_then_a_duplicate(kit: StoreKit) -> None:
    """Two workers (two store objects on one backend for Redis): A's handler is still running when B gets the replay."""
    store_a = kit.make(3600)
    store_b = store_a if kit.name == "memory" else kit.make(3600)  # a memory store is one process's: shared here
    seen_by_b: list[tuple[int, dict[str, object]]] = []
    ran: list[str] = []
    receiver_b = _receiver_with(store_b, ran)

    def slow(event: WebhookEvent) -> None:
        answer = receiver_b.respond(CALL, MSG)  # Allo's redelivery reaches B meanwhile
        seen_by_b.append((answer.status, answer.body))
        ran.append("A")

    receiver_a = WebhookReceiver(dedupe=store_a).on_any(slow)
    assert receiver_a.respond(CALL, MSG).body == {"ok": True}
    assert seen_by_b == [(503, {"ok": False, "error": "in_progress"})]
    assert receiver_b.respond(CALL, MSG).body == {"ok": True, "duplicate": True}  # Allo's next replay
    assert ran == ["A"]


def test_a_failed_handler_still_releases_a_two_phase_claim() -> None:
    clock = FakeClock()
    store = MemoryDedupeStore(clock=clock)
    calls: list[int] = []

    def flaky(event: WebhookEvent) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database down")

    receiver = WebhookReceiver(dedupe=store).on_any(flaky)
    assert receiver.respond(CALL, MSG).body == {"ok": False, "error": "handler_failed"}
    assert store.begin("msg_7") == "claimed"  # released, not left leased
    store.release("msg_7")
    assert receiver.respond(CALL, MSG).body == {"ok": True}
    assert len(calls) == 2


KILLED_WORKER = """
import os, sys
import redis
from withallo_ext.webhooks import RedisDedupeStore, WebhookReceiver
store = RedisDedupeStore(redis.Redis.from_url(sys.argv[1]), prefix=sys.argv[2])
receiver = WebhookReceiver(dedupe=store).on_any(lambda event: os._exit(3))  # killed mid-handler: no except runs
receiver.respond(sys.stdin.buffer.read(), {"webhook-id": "msg_7"})
"""


def test_with_redis_a_worker_process_killed_mid_handler_holds_the_delivery_for_the_lease_only(
    redis_url: str, redis_client: redis.Redis
) -> None:
    prefix = f"withallo-test:{uuid.uuid4().hex}:"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_WORKER, redis_url, prefix], input=CALL, capture_output=True, check=False
    )
    assert killed.returncode == 3, killed.stderr
    assert redis_client.get(prefix + "msg_7") == b"in-progress"
    assert 0 < int(redis_client.pttl(prefix + "msg_7")) <= IN_PROGRESS_LEASE * 1000

    ran: list[str] = []
    receiver = _receiver_with(RedisDedupeStore(redis.Redis.from_url(redis_url), prefix=prefix), ran)  # worker B
    response = receiver.respond(CALL, MSG)
    assert (response.status, response.body) == (503, {"ok": False, "error": "in_progress"})
    assert ran == []

    redis_client.pexpire(prefix + "msg_7", 1)  # the lease runs out (Redis expires it)
    deadline = time.monotonic() + 10
    while redis_client.exists(prefix + "msg_7"):
        assert time.monotonic() < deadline, "Redis did not expire the lease"
        time.sleep(0.01)
    assert receiver.respond(CALL, MSG).body == {"ok": True}
    assert ran == ["call-7"]
    assert redis_client.get(prefix + "msg_7") == b"done"
    assert (DEFAULT_TTL - 5) * 1000 < int(redis_client.pttl(prefix + "msg_7")) <= DEFAULT_TTL * 1000
    assert receiver.respond(CALL, MSG).body == {"ok": True, "duplicate": True}
    redis_client.delete(prefix + "msg_7")


def test_redis_reads_a_key_set_by_claim_or_an_older_worker_as_done(redis_client: redis.Redis) -> None:
    prefix = f"withallo-test:{uuid.uuid4().hex}:"
    store = RedisDedupeStore(redis_client, prefix=prefix, lease=30)
    redis_client.set(prefix + "old", b"1", px=60_000)  # what claim() and earlier SDK versions write
    assert store.begin("old") == "done"
    assert store.begin("new") == "claimed"
    assert 0 < int(redis_client.pttl(prefix + "new")) <= 30_000
    redis_client.delete(prefix + "old", prefix + "new")


@pytest.mark.parametrize("lease", [0, -1])
def test_stores_refuse_a_lease_that_is_not_positive(lease: float) -> None:
    with pytest.raises(InvalidParameterError, match="lease"):
        MemoryDedupeStore(lease=lease)
    with pytest.raises(InvalidParameterError, match="lease"):
        RedisDedupeStore(redis.Redis(), lease=lease)
