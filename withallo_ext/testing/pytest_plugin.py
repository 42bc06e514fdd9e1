"""pytest plugin registered by the `withallo` distribution (entry point `pytest11`)."""
