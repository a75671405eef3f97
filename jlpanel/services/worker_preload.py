"""Imported once by the worker processes' fork server (:data:`.workers.PRELOAD`): the work every
worker would otherwise repeat at its start, done before any is forked.

Parsing the bundled CJK font takes a fifth of a second to a third; registered here, every
worker that lays out PDFs starts with it, instead of each paying it at every report run.
"""

from __future__ import annotations

import logging

try:
    from jlpanel.reports.fonts import register_fonts

    register_fonts()
except Exception:  # best effort: the fork server must start; a worker registers it itself
    logging.getLogger(__name__).warning("could not preload the report font", exc_info=True)
