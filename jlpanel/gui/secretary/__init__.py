"""The panel secretary's screens: submissions, merge, discussion and consensus, the panel's
decisions, charts and the report dialog.
"""
