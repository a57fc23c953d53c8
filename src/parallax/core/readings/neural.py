"""The g2pM model (Park & Kim, Interspeech 2020): a small bi-LSTM that reads a polyphonic
character from its sentence. Its weights ship in the ``g2pM`` package (Apache-2.0); the
inference here is our own, batched with numpy, so that thousands of lines take milliseconds.

Used only for the characters the dictionaries leave open, and the answer is always one of the
character's own readings. Loaded once, lazily; without the package :func:`available` is False
and the dictionaries' priors decide alone.
"""

from __future__ import annotations

import importlib.resources
import pickle
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from parallax.core.readings.marks import marked

_lock = threading.Lock()
_model: list[Model | None] = []
_BOS, _EOS, _UNK = "시", "끝", "<UNK>"  # the model's own sentence-boundary symbols


@dataclass(frozen=True)
class Model:
    """The model's weights, vocabulary and each polyphonic character's candidate classes."""

    weights: dict[str, Any]
    chars: dict[str, int]
    classes: list[str]
    candidates: dict[str, list[int]]


def _load() -> Model | None:
    if not _model:
        with _lock:
            if not _model:
                _model.append(_read())
    return _model[0]


def _read() -> Model | None:
    try:
        files = importlib.resources.files("g2pM")
    except ModuleNotFoundError:
        return None

    def data(name: str) -> Any:
        with files.joinpath(name).open("rb") as handle:
            return pickle.load(handle)  # the package's own data files

    weights = {k: np.asarray(v, dtype=np.float32) for k, v in data("np_ckpt.pkl").items()}
    class_index: dict[str, int] = data("class2idx.pkl")
    classes = [""] * len(class_index)
    for name, index in class_index.items():
        classes[index] = name
    candidates = {
        char: [class_index[r] for r in readings if r in class_index]
        for char, readings in data("digest_cedict.pkl").items()
        if len(readings) > 1
    }
    return Model(weights, data("char2idx.pkl"), classes, candidates)


def available() -> bool:
    """True when the g2pM package (its weights) is installed."""
    return _load() is not None


def predict_many(items: Sequence[tuple[str, Sequence[int]]]) -> list[dict[int, str]]:
    """For each ``(simplified text, positions)``: tone-marked readings of the characters at
    those positions that the model knows as polyphonic (the others are left out)."""
    model = _load()
    out: list[dict[int, str]] = [{} for _ in items]
    if model is None:
        return out
    rows, targets, owners = [], [], []
    for n, (text, positions) in enumerate(items):
        wanted = [i for i in positions if len(model.candidates.get(text[i], ())) > 1]
        if wanted:
            unknown = model.chars[_UNK]
            ids = [model.chars[_BOS], *(model.chars.get(c, unknown) for c in text)]
            rows.append([*ids, model.chars[_EOS]])
            targets.append([i + 1 for i in wanted])
            owners.append((n, wanted))
    if not rows:
        return out
    hidden = _encode(model.weights, rows)
    for (n, wanted), row_targets, states in zip(owners, targets, hidden, strict=True):
        logits = _classify(model.weights, states[row_targets])
        for i, scores in zip(wanted, logits, strict=True):
            allowed = model.candidates[items[n][0][i]]
            best = max(allowed, key=lambda k: scores[k])
            out[n][i] = marked(model.classes[best])
    return out


GROUP = 256  # rows of similar length run through the LSTM together


def _encode(w: dict[str, Any], rows: list[list[int]]) -> list[Any]:
    """The bi-LSTM's states (forward and backward concatenated) for each row of ids; rows are
    run in groups of similar length, so that a long row does not lengthen every other."""
    order = sorted(range(len(rows)), key=lambda k: len(rows[k]))
    states: list[Any] = [None] * len(rows)
    for at in range(0, len(order), GROUP):
        group = order[at : at + GROUP]
        for k, found in zip(group, _encode_group(w, [rows[k] for k in group]), strict=True):
            states[k] = found
    return states


def _encode_group(w: dict[str, Any], rows: list[list[int]]) -> list[Any]:
    lengths = [len(r) for r in rows]
    size = max(lengths)
    ids = np.zeros((len(rows), size), dtype=np.int64)
    backward = np.zeros((len(rows), size), dtype=np.int64)
    for k, row in enumerate(rows):
        ids[k, : len(row)] = row
        backward[k, : len(row)] = row[::-1]
    embed = w["embedding.weight"]
    fw = _run(w, "", embed[ids])
    bw = _run(w, "_reverse", embed[backward])
    return [np.concatenate([fw[k, :n], bw[k, :n][::-1]], axis=1) for k, n in enumerate(lengths)]


def _run(w: dict[str, Any], suffix: str, inputs: Any) -> Any:
    """One LSTM direction over ``inputs`` [batch, time, dim]; the hidden states."""
    w_ih, w_hh = w[f"lstm.weight_ih_l0{suffix}"], w[f"lstm.weight_hh_l0{suffix}"]
    bias = w[f"lstm.bias_ih_l0{suffix}"] + w[f"lstm.bias_hh_l0{suffix}"]
    batch, steps, _ = inputs.shape
    size = w_hh.shape[1]
    projected = inputs @ w_ih.T + bias
    h = np.zeros((batch, size), dtype=np.float32)
    c = np.zeros_like(h)
    states = np.empty((batch, steps, size), dtype=np.float32)
    for t in range(steps):
        gates = projected[:, t] + h @ w_hh.T
        i, f = _sigmoid(gates[:, :size]), _sigmoid(gates[:, size : 2 * size])
        g, o = np.tanh(gates[:, 2 * size : 3 * size]), _sigmoid(gates[:, 3 * size :])
        c = f * c + i * g
        h = o * np.tanh(c)
        states[:, t] = h
    return states


def _classify(w: dict[str, Any], states: Any) -> Any:
    hidden = np.maximum(states @ w["logit_layer.0.weight"].T + w["logit_layer.0.bias"], 0)
    return hidden @ w["logit_layer.2.weight"].T + w["logit_layer.2.bias"]


def _sigmoid(x: Any) -> Any:
    return 1.0 / (1.0 + np.exp(-x))
