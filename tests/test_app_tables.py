"""Tables filled whole are as wide as their cells from the moment they are filled.

Textual sizes auto-width columns only when the table is next idle; a frame painted before that
was cached at the header widths and, now and then on a loaded machine, stayed cut (``dual co``
for ``dual containment``) until something else repainted the table."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from parallax.app.manager.terms_table import TermsTable
from parallax.app.suggestions.table import SuggestionTable
from parallax.core.glossary import new_term
from parallax.core.suggest import Suggestion


class _Tables(App[None]):
    def compose(self) -> ComposeResult:
        yield TermsTable(id="terms")
        yield SuggestionTable(id="suggestions")


def _cut_cells(table: DataTable[Text]) -> list[str]:
    """The cells wider than their column's text area, as the table stands (no idle since)."""
    cut = []
    for key, column in table.columns.items():
        room = column.get_render_width(table) - 2 * table.cell_padding
        cut += [str(v) for v in table.get_column(key) if cell_len(str(v)) > room]
    return cut


async def test_columns_fit_their_cells_before_the_table_is_idle() -> None:
    app = _Tables()
    async with app.run_test(size=(160, 20)):
        terms = app.query_one(TermsTable)
        terms.show(
            [
                new_term("雙遏制", "dual containment", tags="politics", pinyin="shuāng è zhì"),
                new_term("聯合聲明", "joint statement", pinyin="lián hé shēng míng"),
            ],
            same_glossary=False,
        )
        assert terms.row_count == 2 and _cut_cells(terms) == []
        suggestions = app.query_one(SuggestionTable)
        found = Suggestion("制裁", "sanctions", 0.9, ("dictionary",), 3, 0, "制裁", "sanctions")
        suggestions.fill([(found, "")])
        assert _cut_cells(suggestions) == []
        suggestions.mark(found, "+ added")  # a mark set later fits too
        assert _cut_cells(suggestions) == []
