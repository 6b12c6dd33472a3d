"""The learned layer on top of the rule engine, for business notes (biz-3.0).

Multinomial logistic regression (3 classes) over sparse binary features: lower-cased word
unigrams and adjacent bigrams from our own tokenizer (numbers folded to ``<num>``), plus the
rule engine's outputs (polarity, its label, positive/negative term mass, negation and contrast
flags, sentence count). Weights are trained by ``python -m sentiment.train`` on the labeled
business notes and shipped as ``sentiment/data/note_model.json``; the app only loads them.

Who decides the label depends on whether the text reads like a business note,
measured by its *business-topic markers*: words frequent in the training notes, rare in general
English (wordfreq's frequencies, at training time only), carrying no sentiment of their own in
VADER's or TextBlob's word lists, and not names (chosen by ``python -m sentiment.train``).

- two or more distinct markers: a business note; the layer's label wins (on unseen notes it was
  measured to be right far more often than the rules, see the README's evaluation);
- one marker: the layer's label wins only if it is confident (``single_threshold``) and the rule
  verdict is not strong (``single_max``);
- no marker: general text (reviews, tweets, prose), the rule engine's score stands.

When the label changes, the polarity is moved just far enough to carry the new label (see
:func:`sentiment.engine.combine`).
"""
from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

CLASSES = ("positive", "neutral", "negative")
MODEL_FILE = "note_model.json"
_WORD_RE = re.compile(r"[a-z0-9$€£%]+(?:['’][a-z]+)?")
_WORD_RE_CI = re.compile(_WORD_RE.pattern, re.IGNORECASE)
_NUM_RE = re.compile(r"\d")
NEGATIONS = frozenset({"not", "no", "never", "without", "nobody", "nothing", "none", "zero",
                        "hasn't", "haven't", "didn't", "doesn't", "don't", "isn't", "wasn't",
                        "won't", "can't", "couldn't", "wouldn't", "aren't", "weren't",
                        "hasn’t", "didn’t", "doesn’t", "don’t", "isn’t", "wasn’t", "won’t",
                        "can’t"})
_CONTRASTS = frozenset({"but", "however", "although", "though", "despite", "yet", "still",
                        "whereas", "nevertheless", "nonetheless"})


def words(text: str) -> list[str]:
    """Lower-cased word tokens; any token with a digit becomes ``<num>``."""
    out = []
    for w in _WORD_RE.findall(text.lower()):
        out.append("<num>" if _NUM_RE.search(w) else w.replace("’", "'"))
    return out


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, token) of each word token, offsets into ``text`` (for highlighting)."""
    out = []
    for m in _WORD_RE_CI.finditer(text):
        w = m.group().lower()
        out.append((m.start(), m.end(), "<num>" if _NUM_RE.search(w) else w.replace("’", "'")))
    return out


def text_features(tokens: Sequence[str]) -> set[str]:
    """Unigram and bigram feature names of a token list (with sentence-edge markers)."""
    feats = {"u:" + w for w in tokens}
    padded = ["<s>", *tokens, "</s>"]
    feats.update("b:" + a + " " + b for a, b in zip(padded, padded[1:]))
    return feats


def engine_features(polarity: float, label: str, pos_mass: float, neg_mass: float,
                    n_sentences: int, tokens: Sequence[str]) -> dict[str, float]:
    """Dense features from the rule engine's result (real-valued, roughly -1..1 scale)."""
    tokset = set(tokens)
    return {
        "e:bias": 1.0,
        "e:pol": polarity,
        "e:pol3": polarity ** 3,
        "e:lab=" + label: 1.0,
        "e:pos": math.tanh(pos_mass),
        "e:neg": math.tanh(neg_mass),
        "e:both": 1.0 if pos_mass > 0.1 and neg_mass > 0.1 else 0.0,
        "e:noterms": 1.0 if pos_mass == 0 and neg_mass == 0 else 0.0,
        "e:negation": 1.0 if tokset & NEGATIONS else 0.0,
        "e:contrast": 1.0 if tokset & _CONTRASTS else 0.0,
        "e:multi": 1.0 if n_sentences > 1 else 0.0,
    }


def features(text: str, polarity: float, label: str, pos_mass: float, neg_mass: float,
             n_sentences: int, tokens: list[str] | None = None
             ) -> tuple[dict[str, float], list[str]]:
    """All features of one note (name -> value) and its tokens (``words(text)`` if not given)."""
    tokens = words(text) if tokens is None else tokens
    feats = engine_features(polarity, label, pos_mass, neg_mass, n_sentences, tokens)
    # Sorted so the float sums never depend on the hash seed (set order varies between runs).
    for name in sorted(text_features(tokens)):
        feats[name] = 1.0
    return feats, tokens


@dataclass(frozen=True)
class NoteModel:
    """Trained weights {feature: (w_pos, w_neu, w_neg)}, the business-topic markers and the
    gates that decide when the layer's label replaces the rule engine's (module docstring)."""

    weights: dict[str, tuple[float, float, float]]
    markers: frozenset[str]
    version: str
    note_markers: int         # distinct markers from which a text is a business note
    note_threshold: float     # least probability of the layer's class in a business note
    single_threshold: float   # ... with just one marker
    single_max: float         # ... with one marker: largest |rule polarity| it overturns

    def marker_count(self, tokens: Sequence[str]) -> int:
        """How many distinct business-topic words the tokens hold."""
        return len(self.markers.intersection(tokens))

    def gate(self, tokens: Sequence[str], rule_polarity: float) -> float | None:
        """Least probability the layer needs to replace the rules' label on this text, or None
        where it has no say (general text, or a strong rule verdict on a one-marker text)."""
        k = self.marker_count(tokens)
        if k >= self.note_markers:
            return self.note_threshold
        if k == 1 and abs(rule_polarity) <= self.single_max:
            return self.single_threshold
        return None

    def scores(self, feats: dict[str, float]) -> list[float]:
        """Class probabilities (positive, neutral, negative)."""
        z = [0.0, 0.0, 0.0]
        get = self.weights.get
        for name, value in feats.items():
            w = get(name)
            if w is not None:
                z[0] += w[0] * value
                z[1] += w[1] * value
                z[2] += w[2] * value
        top = max(z)
        e = [math.exp(v - top) for v in z]
        s = e[0] + e[1] + e[2]
        return [v / s for v in e]

    def evidence(self, token: str, target: int, source: int) -> float:
        """How much a word pushes from class ``source`` towards class ``target``."""
        w = self.weights.get("u:" + token)
        return w[target] - w[source] if w else 0.0

    def to_json(self) -> str:
        payload = {"version": self.version, "classes": CLASSES,
                   "note_markers": self.note_markers, "note_threshold": self.note_threshold,
                   "single_threshold": self.single_threshold, "single_max": self.single_max,
                   "markers": sorted(self.markers),
                   "weights": {k: [round(x, 5) for x in v] for k, v in sorted(self.weights.items())}}
        return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> "NoteModel":
        raw = json.loads(data)
        if tuple(raw["classes"]) != CLASSES:
            raise ValueError("model classes do not match")
        weights = {str(k): (float(v[0]), float(v[1]), float(v[2]))
                   for k, v in raw["weights"].items()}
        markers = frozenset(str(w) for w in raw["markers"])
        if not weights or not markers:
            raise ValueError("model has no weights or no business-topic markers")
        return cls(weights, markers, str(raw.get("version", "")), int(raw["note_markers"]),
                   float(raw["note_threshold"]), float(raw["single_threshold"]),
                   float(raw["single_max"]))


_lock = threading.Lock()
_model: NoteModel | None = None
_loaded = False
problem = ""


def model_path() -> Path:
    """Where the shipped weights live (next to the business lexicon)."""
    from sentiment.lexicons import data_dir

    return data_dir() / MODEL_FILE


def get_model() -> NoteModel | None:
    """The shipped model, loaded on first use; None (and ``problem`` set) if it is missing."""
    global _model, _loaded, problem
    if not _loaded:
        with _lock:
            if not _loaded:
                try:
                    _model = NoteModel.from_json(model_path().read_text(encoding="utf-8"))
                    problem = ""
                except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
                    _model = None
                    problem = f"{MODEL_FILE}: {exc}"
                _loaded = True
    return _model


def reset() -> None:
    """Forget the loaded model (tests, or after retraining in the same process)."""
    global _model, _loaded
    with _lock:
        _model, _loaded = None, False


def set_model(model: NoteModel | None) -> None:
    """Use this model instead of the shipped one (training and cross-validation)."""
    global _model, _loaded
    with _lock:
        _model, _loaded = model, True
