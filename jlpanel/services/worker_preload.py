"""Imported once by the worker processes' fork server (:data:`.workers.PRELOAD`): the work every
worker would otherwise repeat at its start, done before any is forked.

Parsing the bundled CJK font takes a fifth of a second to a third; registered here, every
worker that lays out PDFs starts with it, instead of each paying it at every report run. The
parts of reportlab the layout imports only when it lays out a document are imported here too:
each worker had imported them again, 9 MB of its own at 2,000 platforms (issue 16).

Last, what the fork server holds is frozen (``gc.freeze``): a worker is a copy-on-write fork of
it, and the collector's first full pass in a worker wrote to every container object it had
inherited — the font's tables, the modules — making a private copy of their pages, some 25 MB
per worker. Frozen objects are left out of collections; the workers' own objects are not.
"""

from __future__ import annotations

import gc
import importlib
import logging

#: reportlab's modules the layout imports inside its functions (jlpanel.reports.layout).
LAYOUT_MODULES = (
    "reportlab.lib.colors",
    "reportlab.lib.enums",
    "reportlab.lib.styles",
    "reportlab.pdfgen.canvas",
    "reportlab.platypus",
    "reportlab.platypus.tables",
    "reportlab.graphics.shapes",
    "reportlab.graphics.charts.barcharts",
)

try:
    from jlpanel.reports.fonts import register_fonts

    register_fonts()
    for name in LAYOUT_MODULES:
        importlib.import_module(name)
except Exception:  # best effort: the fork server must start; a worker registers it itself
    logging.getLogger(__name__).warning(
        "could not preload the report font and layout", exc_info=True
    )

gc.collect()
gc.freeze()
