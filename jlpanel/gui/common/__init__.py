"""What every window shares: language, theme, formatting, settings, long tasks, the
generic table model, the crash, about, help, settings and shortcuts dialogs, and the views of
a dossier and a rubric that staff, secretary and experts all see.
"""
