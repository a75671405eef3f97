"""Render the app icon (resources/icons/app.svg) for the bundle and the installer.

    python packaging/make_icons.py           write packaging/icons/jlpanel.ico and jlpanel.png
    python packaging/make_icons.py --check   exit 1 when they are missing or stale

Windows wants a multi-size .ico (16–256 px; the installer and Explorer pick sizes from it),
Linux a PNG. Both are rendered by Qt from the one SVG the running app uses, so the three
never disagree; the .ico holds PNG-compressed images (valid since Windows Vista).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
OUT = ROOT / "packaging" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_SIZE = 256


def render_png(size: int) -> bytes:
    """The icon as PNG bytes, ``size`` pixels square."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QGuiApplication, QIcon

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render_png.app = QGuiApplication([])  # type: ignore[attr-defined]
    image = QIcon(str(SVG)).pixmap(QSize(size, size)).toImage()
    if image.isNull() or image.width() != size:
        raise SystemExit(f"cannot render {SVG} at {size} px (Qt's svg plugins missing?)")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """A .ico file holding ``images`` (size → PNG bytes)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        edge = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def outputs() -> dict[Path, bytes]:
    """Every file this script writes, with its content."""
    images = {size: render_png(size) for size in ICO_SIZES}
    return {OUT / "jlpanel.ico": ico_bytes(images), OUT / "jlpanel.png": images[PNG_SIZE]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the files are current")
    args = parser.parse_args(argv)
    stale = []
    for path, content in outputs().items():
        current = path.read_bytes() if path.exists() else None
        if current == content:
            continue
        if args.check:
            stale.append(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        names = ", ".join(str(p.relative_to(ROOT)) for p in stale)
        print(f"stale: {names} — run python packaging/make_icons.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
