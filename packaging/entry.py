"""The bundle's entry point: the same ``jlpanel`` command as an installed package."""

import multiprocessing
import os
import sys
from pathlib import Path

# A windowed executable on Windows has no console: print() must not fail there.
for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, Path(os.devnull).open("w", encoding="utf-8"))  # noqa: SIM115

# Import and reports run worker processes (jlpanel.services.workers), which the bundle starts
# as itself: this makes such a process run its work instead of the command line.
multiprocessing.freeze_support()

from jlpanel.cli import main  # noqa: E402

sys.exit(main())
