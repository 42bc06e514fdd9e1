"""Tests of the generated layer (withallo_client) and of the spec it is generated from."""
