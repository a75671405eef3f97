"""jlpanel — the evaluation desk for Jilin Provincial S&T resource sharing service platforms."""

__version__ = "0.1.0"
APP_NAME = "jlpanel"
