"""PDF documents written with reportlab (from stage 5)."""
