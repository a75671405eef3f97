"""The evaluation core: rubric, score sheets, aggregation, grades and decisions.

Plain Python only — no Qt, no SQLAlchemy, no pandas, no file formats beyond reading a rubric
document — so every rule can be tested on its own and reused by any front end.
"""
