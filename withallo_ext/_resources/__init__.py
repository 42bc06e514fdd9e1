"""The resources users call, one module per API area, each holding its sync class and its async twin side by side.

    client.calls          calls.py          Calls, AsyncCalls
    client.contacts       contacts.py       Contacts, AsyncContacts
    client.phone_numbers  phone_numbers.py  PhoneNumbers, AsyncPhoneNumbers
    client.sms            sms/resource.py   Sms, AsyncSms (sending many: sms/send_many.py, bulk.py, segments.py)
    client.webhooks       webhooks.py       Webhooks, AsyncWebhooks (the subscriptions; receiving is WebhookReceiver)

Every class stands on _base.py: a sync one runs an operation with `self._run(op)`, an async one awaits it.
Methods return the generated models (withallo_client.models), or a Page of them (withallo_ext/_pages.py).

How a new method gets both twins (the twins are written out, not generated, so that mypy, IDEs and help() see
every signature):
1. Its checks and wiring go in ONE function of withallo_ext/_operations.py returning an `Op` (the generated
   operation, its arguments, how to read the answer), so each twin's body is one line.
2. Write the sync method in the area's module, then its twin in the async class just below: same name, same
   parameters (names, kinds, defaults, annotations) and docstring; `async def` and `return await self._run(...)`
   instead of `def` and `return self._run(...)`. Iterators (`iter*`) stay `def` on both: the sync one returns an
   Iterator through _pages.iterate, the async one an AsyncIterator through _pages.aiterate.
3. A new API area is a new module here with both classes, each created in its client's __init__ (_client.py:
   `self.<area> = <Area>(generated)` and `Async<Area>(generated)`).

What enforces it, in `make test`: tests/test_completeness.py fails when an operation of the spec has no sync
method calling its `ops` function here, when the async twin is missing or takes other parameters, and when any
_SyncResource subclass in this package lacks its Async twin in the same module with the same public methods and
parameters; `mypy --strict` checks both bodies.
"""
