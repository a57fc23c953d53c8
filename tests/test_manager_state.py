"""The glossary manager's plain objects, without Textual: what is shown (``ManagerState``) and
the changes made in order with their undo steps (``ManagerChanges``)."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from parallax.app.manager.changes import ChangeDone, Job, ManagerChanges
from parallax.app.manager.state import MAX_ROWS, ManagerState, Refusal, cursor_row
from parallax.app.manager.tasks import Listing
from parallax.core.glossary import GlossaryStore, Term, glossary_infos, new_term
from parallax.core.glossary.dirs import WRITABLE_ENV
from parallax.core.glossary.filtering import SORT_KEYS


@pytest.fixture(autouse=True)
def _no_env_writable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(WRITABLE_ENV, raising=False)


@pytest.fixture
def store(tmp_path: Path) -> GlossaryStore:
    store = GlossaryStore(tmp_path, include_starter=False)
    store.add_many(
        "my-terms",
        [
            new_term("雙遏制", "dual containment", id="t1"),
            new_term("綠色", "green", status="known", id="t2"),
        ],
    )
    GlossaryStore(tmp_path, writable_name="ref").add_many("ref", [new_term("條約", "treaty")])
    return store


def listed(state: ManagerState, store: GlossaryStore) -> str | None:
    return state.listed(Listing(store, glossary_infos(store)))


def show(state: ManagerState, name: str | None = None) -> None:
    terms = state.terms_job(name)()
    assert terms is not None and state.found(terms)


def test_the_writable_glossary_is_shown_first_then_the_one_shown_stays(
    store: GlossaryStore,
) -> None:
    state = ManagerState()
    assert listed(state, store) == "my-terms"
    show(state, "ref")
    assert listed(state, store) == "ref"  # listed again after a change: ref stays
    assert ManagerState().listed(Listing(store, [])) is None


def test_filter_sort_and_summary(store: GlossaryStore) -> None:
    state = ManagerState()
    listed(state, store)
    show(state, "my-terms")
    assert [t.en for t in state.shown] == ["dual containment", "green"]
    assert state.summary() == "my-terms (writable): 2 of 2 terms, file order"
    state.query = "status:known"
    show(state)
    assert [t.en for t in state.shown] == ["green"]
    assert state.summary() == "my-terms (writable): 1 of 2 terms, file order"
    state.query = ""
    state.next_sort()
    state.flip()
    show(state)
    assert state.summary().endswith(f"sorted by {SORT_KEYS[0]} (reversed)")
    for _ in SORT_KEYS:
        state.next_sort()
    assert state.sort == -1  # after the last key: the file's order again


def test_an_answer_overtaken_by_a_newer_request_is_dropped(store: GlossaryStore) -> None:
    state = ManagerState()
    listed(state, store)
    old = state.terms_job("ref")
    show(state, "my-terms")
    late = old()
    assert late is not None and not state.found(late)
    assert state.glossary is not None and state.glossary.name == "my-terms"


def test_a_filter_typed_while_a_glossary_loads_applies_to_it(store: GlossaryStore) -> None:
    state = ManagerState()
    listed(state, store)
    state.terms_job("my-terms")  # asked for, its answer not back yet
    state.query = "green"
    show(state)  # the filter's request loads my-terms itself
    assert state.glossary is not None and [t.en for t in state.shown] == ["green"]


def test_at_most_max_rows_are_shown(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path, include_starter=False)
    store.add_many("my-terms", [new_term(f"詞{i}", f"word {i}") for i in range(MAX_ROWS + 5)])
    state = ManagerState()
    listed(state, store)
    show(state, "my-terms")
    assert len(state.shown) == MAX_ROWS and state.matched == MAX_ROWS + 5
    assert "(the first 1000 shown: filter to narrow)" in state.summary()


def test_why_a_key_does_nothing(store: GlossaryStore) -> None:
    state = ManagerState()
    assert state.editable(None) == Refusal("no term selected")
    assert state.can_be_writable() is None  # nothing shown yet
    listed(state, store)
    show(state, "my-terms")
    term = state.shown[0]
    assert state.editable(term) == ("my-terms", term)
    refusal = state.can_be_writable()
    assert isinstance(refusal, Refusal) and refusal.severity == "information"
    show(state, "ref")
    refusal = state.editable(state.shown[0])
    assert isinstance(refusal, Refusal) and "press w" in refusal.text
    assert state.can_be_writable() == "ref"


def test_the_cursor_stays_on_its_term_else_on_its_row() -> None:
    assert cursor_row(["a", "b", "c"], "c", 0, same_glossary=True) == 2
    assert cursor_row(["a", "c"], "b", 1, same_glossary=True) == 1  # the term after a deleted one
    assert cursor_row(["a"], "b", 1, same_glossary=True) == 0
    assert cursor_row(["a", "c"], "b", 1, same_glossary=False) is None  # another glossary: top


class Synchronous:
    """Runs each job at once and hands its result back, as the worker and its message do."""

    def __init__(self) -> None:
        self.changes: ManagerChanges | None = None
        self.done: list[ChangeDone] = []

    def __call__(self, job: Job) -> None:
        done = job()
        self.done.append(done)
        assert self.changes is not None
        self.changes.finish(done)


def changes_on(store: GlossaryStore | None) -> tuple[ManagerChanges, Synchronous]:
    run = Synchronous()
    changes = ManagerChanges(store=lambda: store, run=run)
    run.changes = changes
    return changes, run


def values(term: Term, **changed: str) -> dict[str, str]:
    """The edit dialog's values for ``term``, with ``changed``."""
    fields = {"zh": term.zh, "en": term.en, "note": term.note, "status": term.status}
    return {**fields, "tags": " ".join(term.tags), **changed}


def english(store: GlossaryStore, name: str = "my-terms") -> list[str]:
    return [t.en for t in store.load(name).terms]


def test_delete_then_undo_brings_the_term_back(store: GlossaryStore) -> None:
    changes, run = changes_on(store)
    term = store.load("my-terms").terms[0]
    changes.delete("my-terms", term)
    assert english(store) == ["green"] and changes.changed
    assert run.done[-1].message == "deleted 雙遏制 / dual containment from my-terms"
    said: list[str] = []
    changes.undo.undo_last(said.append)
    assert said == ["undone: delete 雙遏制 / dual containment"]
    assert sorted(english(store)) == ["dual containment", "green"]
    changes.undo.undo_last(said.append)
    assert said[-1] == "nothing to undo"


def test_an_edit_that_changes_nothing_leaves_no_undo_step(store: GlossaryStore) -> None:
    changes, run = changes_on(store)
    term = store.load("my-terms").terms[0]
    changes.edit("my-terms", term, values(term))
    assert run.done[-1].nothing and len(changes.undo) == 0
    changes.edit("my-terms", term, values(term, en="double containment"))
    assert not run.done[-1].nothing and len(changes.undo) == 1
    assert english(store)[0] == "double containment"


def test_an_error_is_one_line_and_leaves_no_undo_step(store: GlossaryStore) -> None:
    changes, run = changes_on(store)
    term = store.load("ref").terms[0]
    changes.delete("ref", term)  # ref is read-only here
    assert run.done[-1].error and "\n" not in run.done[-1].error
    assert len(changes.undo) == 0 and english(store, "ref") == ["treaty"]
    loading, run = changes_on(None)
    loading.create("new-one")
    assert run.done[-1].error == "the glossaries are still loading"


def test_changes_reach_the_store_in_the_order_asked_for(store: GlossaryStore) -> None:
    """Two changes run in threads, the second started first: it waits for the first."""
    jobs: list[Job] = []
    changes = ManagerChanges(store=lambda: store, run=jobs.append)
    first, second = store.load("my-terms").terms
    changes.delete("my-terms", first)
    changes.edit("my-terms", second, values(second, en="verdant"))
    written = changes.written()
    order: list[str] = []

    def run(job: Job, name: str) -> None:
        job()
        order.append(name)

    threads = [threading.Thread(target=run, args=(jobs[1], "edit"))]
    threads[0].start()
    threads[0].join(0.2)
    assert order == [] and threads[0].is_alive()  # the edit waits for the delete
    closing = threading.Thread(target=written)
    closing.start()
    threads.append(threading.Thread(target=run, args=(jobs[0], "delete")))
    threads[1].start()
    for thread in [*threads, closing]:
        thread.join(5)
    assert order == ["delete", "edit"] and not closing.is_alive()
    assert english(store) == ["verdant"]


def test_the_plain_objects_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import parallax.app.manager.state, parallax.app.manager.changes\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
        "assert 'rich' not in sys.modules, sorted(m for m in sys.modules if 'rich' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
