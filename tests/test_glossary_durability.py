"""Durability with real processes: concurrent writers lose nothing, SIGKILL never corrupts."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parallax.core.glossary import GlossaryStore, Term, fileformat

ADDER = """
import sys
from parallax.core.glossary import GlossaryStore, Term
store = GlossaryStore(sys.argv[1], include_starter=False, writable_name="shared")
tag, count = sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
for i in range(count):
    store.add("shared", Term(id=f"{tag}{i:04d}", zh=f"詞{tag}{i}", en=f"{tag} {i}", pinyin="cí"))
print("done", flush=True)
"""

SAVER = """
import sys
from parallax.core.glossary import GlossaryStore, Term
store = GlossaryStore(sys.argv[1], include_starter=False, writable_name="big")
i = 0
while True:
    en = f"containment {sys.argv[2]}-{i} " * 5  # a new term each time (no duplicate)
    store.add("big", Term(id=f"k{sys.argv[2]}-{i}", zh="遏制" * 5 + f"{sys.argv[2]}-{i}", en=en))
    print(i, flush=True)
    i += 1
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PARALLAX_CACHE_DIR": str(tmp_path / "cache")}


def _spawn(code: str, *args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_two_processes_adding_500_each_keep_all_1000(tmp_path: Path) -> None:
    procs = [_spawn(ADDER, str(tmp_path), tag, "500", env=_env(tmp_path)) for tag in ("a", "b")]
    for proc in procs:  # both are started and waiting: release them together
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        assert proc.wait(timeout=120) == 0
    glossary = GlossaryStore(tmp_path, include_starter=False).load("shared")
    assert glossary.problems == ()
    ids = {t.id for t in glossary.terms}
    assert len(glossary.terms) == 1000
    assert ids == {f"{tag}{i:04d}" for tag in "ab" for i in range(500)}


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_saves_never_corrupts(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path, include_starter=False, writable_name="big")
    base = [Term(id=f"base{i}", zh="雙遏制" * 3, en="dual containment " * 3) for i in range(3000)]
    store.add_many("big", base)
    path = tmp_path / "big.tsv"
    rng = random.Random(4)
    acknowledged = len(base)
    for iteration in range(40):
        proc = _spawn(SAVER, str(tmp_path), str(iteration), env=_env(tmp_path))
        assert proc.stdout is not None
        for _ in range(rng.randint(1, 3)):  # let it finish a few saves
            assert proc.stdout.readline()
            acknowledged += 1
        deadline = time.perf_counter() + rng.uniform(0, 0.03)
        while time.perf_counter() < deadline:  # a random moment inside the next save
            pass
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        if proc.stdin:
            proc.stdin.close()
        data = path.read_bytes()
        assert data.endswith(b"\n")
        parsed = fileformat.parse(data.decode("utf-8"))
        assert parsed.problems == () and parsed.header_ok
        assert len(parsed.terms) >= acknowledged
        acknowledged = len(parsed.terms)
    store.add("big", Term(id="last", zh="甲", en="a"))  # cleans temp files of killed writers
    assert list(tmp_path.glob(".big.tsv.*.tmp")) == []
    assert store.load("big").problems == ()
    assert len(store.load("big").terms) == acknowledged + 1
