"""A model with fields the server left out prints them as UNSET (templates/types.py.jinja)."""

from __future__ import annotations

import copy
import pickle

from withallo_client.models import Webhook
from withallo_client.types import UNSET, Unset


def test_unset_reads_as_unset_in_a_model_repr() -> None:
    webhook = Webhook.from_dict({"url": "https://crm.example.com/hooks/allo", "topics": ["PING"]})

    assert isinstance(webhook.id, Unset)
    assert repr(UNSET) == "UNSET"
    assert "id=UNSET" in repr(webhook)
    assert "object at 0x" not in repr(webhook)
    assert not webhook.id  # still falsy, as the generated code relies on


def test_unset_survives_copy_and_pickle_as_the_one_unset() -> None:
    webhook = Webhook.from_dict({"url": "https://crm.example.com/hooks/allo", "topics": ["PING"]})

    for clone in (copy.copy(webhook), copy.deepcopy(webhook), pickle.loads(pickle.dumps(webhook))):
        assert clone.id is UNSET
        assert clone == webhook
