"""A paragraph (a review card's context, a suggestion's) wrapped as the reader wraps it:
Chinese breaks between any two characters but never before closing punctuation (``」，`` do
not start a line) nor after an opening bracket."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from parallax.app.wrap import wrap


class PassageView(Widget):
    """Styled text (a :class:`Content`) wrapped by :func:`parallax.app.wrap.wrap`."""

    DEFAULT_CSS = "PassageView { height: auto; }"

    def __init__(self, content: Content | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = content or Content("")

    @property
    def content(self) -> Content:
        """The text shown (unwrapped)."""
        return self._content

    def update(self, content: Content) -> None:
        """Show ``content``."""
        self._content = content
        self.refresh(layout=True)

    def render(self) -> Content:
        """The content cut into lines of the widget's width."""
        return self._wrapped(self.content_size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the text wraps to at ``width``."""
        return len(wrap(self._content.plain, width)) if self._content.plain else 0

    def _wrapped(self, width: int) -> Content:
        text = self._content
        if not text.plain or width <= 0:
            return text
        return Content("\n").join(text[start:end] for start, end in wrap(text.plain, width))
