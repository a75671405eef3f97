"""What every table model of the GUI shares: the index type and the two cell alignments."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

#: The index Qt passes to a model's methods.
AnyIndex = QModelIndex | QPersistentModelIndex

#: Numbers are right-aligned, text left-aligned (STYLE.md "The look").
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
