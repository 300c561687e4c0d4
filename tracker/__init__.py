"""tracker: follow a government's numbered target tasks through the year."""

__version__ = "0.1.0"
