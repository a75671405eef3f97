"""Atomic file writes for the services (the helper lives in ``jlpanel.storage.files``)."""

from jlpanel.storage.files import write_atomic

__all__ = ["write_atomic"]
