"""Test helpers for users of withallo: a fake Allo server (see FakeAllo)."""
