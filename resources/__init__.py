"""jlpanel's data files, installed as the package ``jlpanel.resources``.

Rubrics, translations, icons, the report font and the licences. Code finds them only through
:func:`jlpanel.resource_files.resource`.
"""
