"""Command palette provider of the review screen: its keys, by their description."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from parallax.app.review.keys import CARD_BINDINGS, SCREEN_BINDINGS


class ReviewCommands(Provider):
    """Offers the review screen's keys (with the key) as commands."""

    def _commands(self) -> list[tuple[str, str, bool, str]]:
        """(description, action, on the card view, help) of every review key."""
        out = []
        for on_card, bindings in ((True, CARD_BINDINGS), (False, SCREEN_BINDINGS)):
            for binding in bindings:
                key = binding.key.split(",")[0]
                out.append((binding.description, binding.action, on_card, f"key: {key}"))
        return out

    async def discover(self) -> Hits:
        """All commands, when nothing is typed."""
        for name, action, on_card, help_text in self._commands():
            yield DiscoveryHit(name, partial(self._run, action, on_card), help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands matching ``query``."""
        matcher = self.matcher(query)
        for name, action, on_card, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(self._run, action, on_card),
                    help=help_text,
                )

    async def _run(self, action: str, on_card: bool) -> None:
        from parallax.app.review.card_view import CardView
        from parallax.app.review.screen import ReviewScreen

        screen = self.screen
        if not isinstance(screen, ReviewScreen):
            return
        target = screen.query_one(CardView) if on_card else screen
        await target.run_action(action)
