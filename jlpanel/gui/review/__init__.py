"""The expert's review window: declaration, the scoring desk and submission."""
