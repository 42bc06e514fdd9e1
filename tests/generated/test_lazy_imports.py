"""The generated package loads lazily (templates/models_init.py.jinja, templates/package_init.py.jinja)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from withallo_client import models


def loaded_after(statement: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running `statement`."""
    probe = f"import sys\n{statement}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout
    return set(json.loads(out))


def test_one_model_loads_its_own_module_not_all_sixty() -> None:
    loaded = loaded_after("from withallo_client.models import PhoneNumber")

    generated = {name for name in loaded if name.startswith("withallo_client.models.")}
    assert "withallo_client.models.phone_number" in generated
    assert "withallo_client.models.contact" not in generated
    assert len(generated) < 5, generated
    assert "httpx" not in loaded  # a model needs no HTTP client


def test_the_clients_are_imported_on_first_access() -> None:
    assert "httpx" not in loaded_after("import withallo_client")
    assert "httpx" in loaded_after("from withallo_client import AuthenticatedClient")


@pytest.mark.parametrize("name", models.__all__)
def test_every_listed_model_is_importable_by_name(name: str) -> None:
    assert getattr(models, name).__name__ == name


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchModel"):
        # The ignore is load-bearing: `mypy --strict` (make lint) flags an unused ignore, so this line also checks
        # that type checkers still see a misspelt model name as an error despite the lazy __getattr__.
        _ = models.NoSuchModel  # type: ignore[attr-defined]


def test_a_webhook_model_with_nested_models_builds_in_a_fresh_interpreter() -> None:
    """event.model resolves nested model annotations although the package has not imported them yet."""
    probe = """
import json
from withallo_ext import WebhookReceiver
body = {"topic": "CALL_RECEIVED", "data": {"id": "call-1", "transcriptions": [{"source": "AGENT", "text": "Hi"}],
        "transfer_to": {"number": "+14155550142"}, "ivr_result": [{"dtmf_key": "2", "text_key": "Sales"}]}}
model = WebhookReceiver().parse(json.dumps(body)).model
print(type(model.transcriptions[0]).__name__, model.transcriptions[0].text, type(model.transfer_to).__name__,
      model.ivr_result[0].text_key)
"""
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout
    assert out.split() == ["TranscriptionLine", "Hi", "TransferParty", "Sales"]
