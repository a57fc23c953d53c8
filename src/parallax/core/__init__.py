"""The pure core of parallax: documents, parsing, alignment, Chinese text, glossaries, formats.

Nothing under ``parallax.core`` imports ``textual`` or ``rich``; a test checks it in a fresh
interpreter. The Textual reader (``parallax.app``) and the command line (``parallax.cli``)
are thin layers over this package.
"""
