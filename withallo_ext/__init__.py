"""withallo: the hand-written layer on top of the generated ``withallo_client``."""

__version__ = "0.1.0"
