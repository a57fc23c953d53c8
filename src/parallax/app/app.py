"""The Textual application and the factory shared by the CLI and the tests."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from parallax.app.commands import ReaderCommands
from parallax.core.document import Document


class ParallaxApp(App[None]):
    """parallax: read Chinese and English side by side with your glossary lit on both sides."""

    TITLE = "parallax"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        doc: Document,
        *,
        glossaries: tuple[str, ...] = (),
        glossary_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.doc = doc
        self.glossaries = glossaries
        self.glossary_dir = glossary_dir

    def on_mount(self) -> None:
        """Open the reader on the document."""
        from parallax.app.screens.reader import ReaderScreen

        self.push_screen(
            ReaderScreen(self.doc, glossaries=self.glossaries, glossary_dir=self.glossary_dir)
        )


def make_app(
    doc: Document,
    *,
    glossaries: tuple[str, ...] | list[str] = (),
    glossary_dir: Path | str | None = None,
) -> ParallaxApp:
    """The reader on ``doc``; ``glossaries`` names the glossaries to use (default: the writable
    one and the starter), ``glossary_dir`` overrides the glossary directory."""
    return ParallaxApp(
        doc,
        glossaries=tuple(glossaries),
        glossary_dir=Path(glossary_dir) if glossary_dir is not None else None,
    )
