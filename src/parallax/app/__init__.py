"""The reader: a Textual app showing an aligned document with glossary highlights.

Use :func:`parallax.app.app.make_app`; importing this package does not import Textual.
"""
