"""Test set-up shared by every suite."""

import os

# Qt must never look for a display: CI and this machine have none, and without it the
# platform plugin aborts the whole run.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Keep user settings, logs and backups of test runs out of the real home directory.
os.environ.setdefault("JLPANEL_TESTING", "1")
