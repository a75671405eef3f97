"""The bundled CJK font, registered once with reportlab; every PDF jlpanel writes uses it.

WenQuanYi Micro Hei (``resources/fonts``, Apache-2.0) is a TrueType collection; face 0 is Micro
Hei, face 1 its monospaced sibling. reportlab embeds a subset of it in every PDF (only the
glyphs used), so files stay small and open on machines without any CJK font.

The collection has one weight. The family's bold and italic map to the same face, so ``<b>``
in paragraph markup never falls back on a base-14 font; real emphasis is drawn as synthetic
bold (:func:`synthetic_bold`: glyph outlines filled and stroked), which needs no second font.
Nothing here may ever name Helvetica or Times: a PDF must carry only the embedded font.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jlpanel.resource_files import resource

#: The name the bundled CJK font is registered under with reportlab (also its family name).
FONT_NAME = "WenQuanYiMicroHei"
#: The font file, for reportlab and for Qt (``QFontDatabase.addApplicationFont``).
FONT_FILE = resource("fonts", "wqy-microhei.ttc")
#: The licence that goes with it.
FONT_LICENCE = FONT_FILE.with_name("LICENSE-WenQuanYi-Micro-Hei.txt")

_register_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the bundled CJK font and its family with reportlab (once); returns its name.

    Safe to call from any thread and as often as wanted: parsing the 5 MB collection takes a
    fifth of a second, so it happens once per process.
    """
    global _registered
    if _registered:
        return FONT_NAME
    with _register_lock:
        if not _registered:
            from reportlab import rl_config
            from reportlab.lib.fonts import addMapping
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            # Page streams as plain deflated binary, not also ASCII85-armoured text: a fifth
            # smaller and a tenth faster to write. Every PDF reportlab writes in this process
            # is jlpanel's, so the process-wide setting is ours to make.
            rl_config.useA85 = 0
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(FONT_FILE), subfontIndex=0))
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
            _registered = True
    return FONT_NAME


#: Font subsets and their deflated streams kept per process (each some 50 KB, both ways).
SUBSET_CACHE_SIZE = 48
#: Streams shorter than this are page contents, different in every document: never kept.
_SMALLEST_KEPT_STREAM = 8192

_cache_lock = threading.Lock()
_cache_users = 0
_subsets: OrderedDict[tuple[Any, tuple[int, ...]], bytes] = OrderedDict()
_deflated: OrderedDict[bytes, bytes] = OrderedDict()
_originals: dict[str, Any] = {}


def _kept(cache: OrderedDict[Any, bytes], key: Any, make: Any) -> bytes:
    with _cache_lock:
        found = cache.get(key)
        if found is not None:
            cache.move_to_end(key)
            return found
    made: bytes = make()
    with _cache_lock:
        cache[key] = made
        while len(cache) > SUBSET_CACHE_SIZE:
            cache.popitem(last=False)
    return made


def _make_subset(face: Any, subset: Any) -> bytes:
    # The face by its file and font within it, not by id(): an id is reused once its object
    # is gone, and another face's subset must never be handed out for it.
    which = (getattr(face, "filename", None), getattr(face, "subfontNameX", None))
    key = (which, tuple(subset)) if which[0] is not None else (("id", id(face)), tuple(subset))
    return _kept(_subsets, key, lambda: _originals["subset"](face, subset))


def _encode(self: Any, text: Any) -> Any:
    if isinstance(text, bytes) and len(text) >= _SMALLEST_KEPT_STREAM:
        return _kept(_deflated, text, lambda: _originals["encode"](self, text))
    return _originals["encode"](self, text)


@contextmanager
def subset_cache() -> Iterator[None]:
    """Within the block, reportlab reuses the font subsets it made before in this process.

    Each PDF embeds a subset of the CJK font per 256 characters it uses, rebuilt glyph by
    glyph from the collection and deflated: a third of a report's time. The documents of a
    report set use mostly the same characters in the same order (the labels come first), so
    most subsets repeat exactly; a repeat is taken from here, the same bytes, so the PDFs are
    the same as without the cache. Only within the block (reportlab's classes are patched
    while any block is open), so other PDFs a process writes are reportlab's own work.
    """
    global _cache_users
    from reportlab.pdfbase import pdfdoc, ttfonts

    with _cache_lock:
        if _cache_users == 0:
            _originals["subset"] = ttfonts.TTFontFile.makeSubset
            _originals["encode"] = pdfdoc.PDFStreamFilterZCompress.encode
            ttfonts.TTFontFile.makeSubset = _make_subset
            pdfdoc.PDFStreamFilterZCompress.encode = _encode
        _cache_users += 1
    try:
        yield
    finally:
        with _cache_lock:
            _cache_users -= 1
            if _cache_users == 0:
                ttfonts.TTFontFile.makeSubset = _originals["subset"]
                pdfdoc.PDFStreamFilterZCompress.encode = _originals["encode"]


@contextmanager
def synthetic_bold(canvas: Any, color: Any, size: float) -> Iterator[None]:
    """Within the block, text on ``canvas`` is drawn bold: outlines filled and stroked.

    PDF text render mode 2 (fill, then stroke) with a stroke of about 1/30 em thickens the one
    weight the font has, as word processors do for a CJK font without a bold face. The text
    state is part of the graphics state, so ``restoreState`` ends it.
    """
    canvas.saveState()
    canvas.setStrokeColor(color)
    canvas.setLineWidth(size / 30.0)
    canvas.setLineJoin(1)
    canvas.addLiteral("2 Tr")
    try:
        yield
    finally:
        canvas.restoreState()
