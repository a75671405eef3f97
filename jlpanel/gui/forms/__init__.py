"""Forms compiled from ui/*.ui by tools/build_ui.py — do not edit."""
