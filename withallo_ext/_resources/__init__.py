"""The resources users call (`client.calls`, `client.sms`, ...): one module per API area."""
