"""The Textual application and the factory shared by the CLI and the tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.screen import Screen

from parallax.core.document import Document

if TYPE_CHECKING:
    from parallax.app.review.session import Clock


def _reader_commands() -> type:
    """The command palette provider, imported when the palette opens."""
    from parallax.app.commands import ReaderCommands

    return ReaderCommands


class ParallaxApp(App[None]):
    """parallax: read Chinese and English side by side with your glossary lit on both sides."""

    TITLE = "parallax"
    COMMANDS = App.COMMANDS | {_reader_commands}
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        doc: Document,
        *,
        glossaries: tuple[str, ...] = (),
        glossary_dir: Path | None = None,
        fresh: bool = False,
    ) -> None:
        super().__init__()
        self.doc = doc
        self.glossaries = glossaries
        self.glossary_dir = glossary_dir
        self.fresh = fresh

    def get_default_screen(self) -> Screen[None]:
        """The reader on the document is the first screen (no blank frame before it)."""
        from parallax.app.reader.screen import ReaderScreen

        return ReaderScreen(
            self.doc, glossaries=self.glossaries, glossary_dir=self.glossary_dir, fresh=self.fresh
        )

    async def action_show_help_panel(self) -> None:  # type: ignore[override]
        """The palette's "Keys" command: parallax's keys panel where the screen has one (a
        ``help`` action), else Textual's."""
        from parallax.app.reader.screen import ReaderScreen

        if isinstance(self.screen, ReaderScreen):
            if not self.screen.query("KeysPanel"):
                await self.screen.run_action("help")
        else:
            super().action_show_help_panel()

    def action_hide_help_panel(self) -> None:
        """Hide the keys panel (parallax's or Textual's)."""
        self.screen.query("KeysPanel").remove()
        super().action_hide_help_panel()


def make_app(
    doc: Document,
    *,
    glossaries: tuple[str, ...] | list[str] = (),
    glossary_dir: Path | str | None = None,
    fresh: bool = False,
) -> ParallaxApp:
    """The reader on ``doc``; ``glossaries`` names the glossaries to use (default: the writable
    one and the starter), ``glossary_dir`` overrides the glossary directory, ``fresh`` ignores
    the saved hand-fixed alignment for this session (without deleting it)."""
    return ParallaxApp(
        doc,
        glossaries=tuple(glossaries),
        glossary_dir=Path(glossary_dir) if glossary_dir is not None else None,
        fresh=fresh,
    )


class ReviewApp(App[None]):
    """parallax review: today's cards of your glossary (the same screen the reader opens with
    ``ctrl+r``)."""

    TITLE = "parallax"
    COMMANDS = App.COMMANDS | {_reader_commands}
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        glossaries: Sequence[str] = (),
        *,
        glossary_dir: Path | None = None,
        new_per_day: int | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        self.glossaries = tuple(glossaries)
        self.glossary_dir = glossary_dir
        self.new_per_day = new_per_day
        self.clock = clock

    def get_default_screen(self) -> Screen[None]:
        """The review is the first screen."""
        from parallax.app.review.screen import ReviewScreen
        from parallax.app.review.session import utc_now

        return ReviewScreen(  # type: ignore[return-value]
            self.glossaries,
            glossary_dir=self.glossary_dir,
            new_per_day=self.new_per_day,
            clock=self.clock or utc_now,
        )


def make_review_app(
    glossaries: Sequence[str] = (),
    *,
    glossary_dir: Path | str | None = None,
    new_per_day: int | None = None,
    clock: Clock | None = None,
) -> ReviewApp:
    """The review of ``glossaries`` (default: the writable glossary), shared by the CLI and the
    tests; ``clock`` gives the current UTC time (tests move it)."""
    return ReviewApp(
        glossaries,
        glossary_dir=Path(glossary_dir) if glossary_dir is not None else None,
        new_per_day=new_per_day,
        clock=clock,
    )
