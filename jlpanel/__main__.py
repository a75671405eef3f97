"""``python -m jlpanel`` runs the command line."""

import sys

from jlpanel.cli import main

sys.exit(main())
