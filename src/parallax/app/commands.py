"""Command palette provider: every reader action, by its description."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from parallax.app.bindings import READER_BINDINGS


class ReaderCommands(Provider):
    """Offers every binding of the reader screen (with its key) as a command."""

    def _commands(self) -> list[tuple[str, str, str]]:
        from parallax.app.screens.reader import ReaderScreen

        if not isinstance(self.screen, ReaderScreen):  # another screen offers its own
            return []
        seen: set[str] = set()
        out = []
        for binding in READER_BINDINGS:
            if binding.description in seen or binding.action == "quit":
                continue
            seen.add(binding.description)
            key = binding.key.split(",")[0]
            out.append((binding.description, binding.action, f"key: {key}"))
        return out

    async def discover(self) -> Hits:
        """All commands, when nothing is typed."""
        for name, action, help_text in self._commands():
            yield DiscoveryHit(name, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands matching ``query``."""
        matcher = self.matcher(query)
        for name, action, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(name), partial(self._run, action), help=help_text
                )

    async def _run(self, action: str) -> None:
        from parallax.app.screens.reader import ReaderScreen

        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, ReaderScreen):
                await screen.run_action(action)
                return
