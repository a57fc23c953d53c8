"""The reader's term changes and alignment fixes as plain objects, without Textual: proposals,
waiting terms, in-order saves with their undo steps, and fixes with theirs."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from parallax.app.alignment_fixer import AlignmentFixer
from parallax.app.model import Selection
from parallax.app.terms.changes import Changed, Job, TermChanges
from parallax.app.terms.draft import TermDraft
from parallax.app.terms.pending import Here
from parallax.app.undo import UndoList
from parallax.core.align.bead import Bead
from parallax.core.glossary import GlossaryStore
from parallax.core.suggest.propose import Proposal

SRC = Path(__file__).resolve().parent.parent / "src" / "parallax" / "app"


def here(text: str = "雙遏制", start: int = 0) -> Here:
    sel = Selection(0, "zh", start, start + len(text))
    return Here(sel, text, f"{text}政策", "the dual containment policy")


def proposal(text: str, start: int = 4) -> Proposal:
    return Proposal(text=text, origin="quote", score=0.9, start=start, end=start + len(text))


class Synchronous:
    """Runs each job at once and hands its result back, as the screen's worker and message do."""

    def __init__(self) -> None:
        self.changes: TermChanges | None = None
        self.results: list[Changed] = []

    def __call__(self, job: Job) -> None:
        result = job()
        self.results.append(result)
        assert self.changes is not None
        self.changes.finish(result)


def changes_on(directory: Path, run: Synchronous | None = None) -> tuple[TermChanges, UndoList]:
    undo = UndoList()
    runner = run or Synchronous()
    changes = TermChanges(
        open_store=lambda: GlossaryStore(directory),
        reload=lambda: None,  # type: ignore[arg-type,return-value]
        run=runner,
        undo=undo,
    )
    runner.changes = changes
    return changes, undo


def terms_in(directory: Path) -> list[str]:
    return [t.zh for t in GlossaryStore(directory).load("my-terms").terms]


def test_a_proposal_is_for_its_place_and_text_only() -> None:
    changes, _ = changes_on(Path("/nonexistent"))
    pending = changes.start(here())
    assert changes.current(here()) is pending
    assert changes.current(here("雙遏", 0)) is None  # another selection
    moved = Here(pending.selection, "雙遏制", "其他文字", "other text")
    assert changes.current(moved) is None  # the row's text changed (fixed, re-aligned)
    got = changes.proposed(pending.token, (proposal("dual containment"), proposal("policy", 21)))
    assert got is not None and got[0] == "show"
    shown = changes.next_proposal()
    assert shown is not None and shown.proposal is not None
    assert shown.proposal.text == "policy" and shown.pair() == ("雙遏制", "policy")
    assert shown.partner() == Selection(0, "en", 21, 27)
    changes.forget(Selection(0, "zh", 0, 2))
    assert changes.pending is None


def test_a_term_waiting_for_its_proposal_is_saved_when_it_arrives() -> None:
    changes, _ = changes_on(Path("/nonexistent"))
    first = changes.start(here())
    changes.wait(first)
    second = changes.start(here("政策", 3))  # the user moved on meanwhile
    got = changes.proposed(first.token, (proposal("dual containment"),))
    assert got is not None and got[0] == "save" and got[1].pair() == ("雙遏制", "dual containment")
    assert changes.pending is second and not changes.waiting
    assert changes.proposed(first.token, ()) is None  # answered once
    changes.wait(second)
    assert [p.text for p in changes.cancel_waiting()] == ["政策"]


def test_add_then_undo_then_an_add_that_adds_nothing(tmp_path: Path) -> None:
    run = Synchronous()
    changes, undo = changes_on(tmp_path, run)
    told: list[bool] = []
    changes.add("my-terms", TermDraft("雙遏制", "dual containment"), "t1", told.append)
    assert terms_in(tmp_path) == ["雙遏制"] and told == [True] and len(undo) == 1
    assert "雙遏制 → my-terms" in run.results[-1].message
    changes.add("my-terms", TermDraft("雙遏制", "dual containment"), "t2", told.append)
    assert told == [True, False] and len(undo) == 1  # nothing added: no undo step for it
    undo.undo_last(lambda _said: None)
    assert terms_in(tmp_path) == [] and len(undo) == 0


def test_an_error_is_one_line_and_leaves_no_undo_step(tmp_path: Path) -> None:
    run = Synchronous()
    changes, undo = changes_on(tmp_path, run)
    changes.change("break", lambda store: (_ for _ in ()).throw(OSError("disk\nfull")), None)
    changes.change(
        "break", lambda store: (_ for _ in ()).throw(OSError("disk full")), lambda s: (True, "")
    )
    assert [r.error for r in run.results] == ["disk full", "disk full"]
    assert len(undo) == 0


def test_changes_reach_the_store_in_the_order_asked_for(tmp_path: Path) -> None:
    """The first save is held back in its worker; the undo asked after it still waits for it."""
    threads: list[threading.Thread] = []
    results: list[Changed] = []

    def in_thread(job: Job) -> None:
        thread = threading.Thread(target=lambda: results.append(job()))
        threads.append(thread)
        thread.start()

    release = threading.Event()
    store = GlossaryStore(tmp_path)
    real_add = store.add

    def slow_add(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real_add(*args, **kwargs)

    store.add = slow_add  # type: ignore[method-assign]
    undo = UndoList()
    changes = TermChanges(
        open_store=lambda: store,
        reload=lambda: None,  # type: ignore[arg-type,return-value]
        run=in_thread,
        undo=undo,
    )
    changes.add("my-terms", TermDraft("雙遏制", "dual containment"), "t1")
    undo.undo_last(lambda _said: None)  # asked at once, runs after the add
    release.set()
    for thread in threads:
        thread.join(10)
    assert terms_in(tmp_path) == []
    assert [r.changed for r in results] == [True, True]


def test_fixes_are_shown_saved_and_undone_and_a_confirmed_row_changed_is_told() -> None:
    shown: list[list[tuple[tuple[int, ...], tuple[int, ...]]]] = []
    written: list[object] = []
    undo = UndoList()
    fixer = AlignmentFixer(
        undo=undo,
        show=lambda beads, _cursor, _by_hand: shown.append([(b.zh, b.en) for b in beads]),
        write=written.append,
        run=lambda job: job(),
    )
    aligned = [Bead((0,), (0,), 1.0, True), Bead((1,), (1,), 1.0), Bead((2,), (2,), 1.0)]
    fixer.reset(aligned, by_hand=False)
    assert fixer.fix("merge", 1, "zh") == ""
    assert shown[-1] == [((0,), (0,)), ((1, 2), (1, 2))] and fixer.by_hand
    said = fixer.fix("pull", 1, "zh")  # row 1's first paragraph up into the confirmed row 0
    assert "confirmed row changed" in said and not fixer.beads[0].confirmed
    assert fixer.fix("merge", 1, "zh") == "nothing to merge here"
    undo.undo_last(lambda _said: None)
    undo.undo_last(lambda _said: None)
    assert [(b.zh, b.en) for b in fixer.beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert not fixer.by_hand and written[-1] is None  # the aligner's rows: the fix forgotten


def test_the_plain_objects_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import parallax.app.terms.changes, parallax.app.alignment_fixer, parallax.app.loaders\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_no_worker_calls_into_the_ui_thread_but_by_a_message() -> None:
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "call_from_thread(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
