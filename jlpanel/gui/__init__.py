"""The Qt desktop front end: main window, views, table models, dialogs and workers.

Only this package (with its tests and tools) imports PySide6.
"""
