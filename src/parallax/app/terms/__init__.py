"""Changing the glossary from the app, without Textual: the term being drafted
(:class:`~parallax.app.terms.draft.TermDraft`), the store changes run in worker threads
(:mod:`~parallax.app.terms.ops`), and the reader's proposals, in-order saves and undo
(:class:`~parallax.app.terms.changes.TermChanges`)."""
