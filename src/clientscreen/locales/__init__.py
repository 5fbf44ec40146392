"""The catalogs of fixed texts: one module per language, ``MESSAGES`` keyed by the English text.

A plain entry is the translation; a counted one (from ``_n``) is a tuple of the forms the
language's plural rule picks from (see ``i18n.plural_form``). ``{name}`` fields are kept as
they are in the English. ``tests/test_i18n.py`` checks every catalog against the source.
"""
