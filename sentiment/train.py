"""Train the learned note layer and estimate how well it generalises.

Usage:
  ``python -m sentiment.train``        train on every labeled business note and write
                                       ``sentiment/data/note_model.json`` (deterministic)
  ``python -m sentiment.train --cv``   leave-one-file-out cross-validation table only

Training data: ``<shared>/data/client_notes_dev.tsv`` and every ``tests/data/client_notes_tune*.tsv``
(never a ``*blind*`` file). Cross-validation holds out one tune file at a time (each file was
written by a different author or persona), trains on the rest, and scores the held-out file with
the rule engine alone and with the learned layer. The rule engine was tuned on all files but the
last one it was blind to (tune_f), so its fold numbers, and the learned layer's through the
engine features, are optimistic except on that file.
"""
from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

from sentiment import learned
from sentiment.engine import analyze_rules, combine
from sentiment.evaluate import REPO, read_labeled_tsv
from sentiment.types import ANALYZER_VERSION as VERSION

CLASSES = learned.CLASSES
L2 = 3e-3
EPOCHS = 30
LEARNING_RATE = 0.5
THRESHOLD = 0.6
NEUTRAL_MAX = 0.5  # chosen by leave-one-file-out CV (see the module docstring)
FLIP_MAX = 0.2
MIN_COVERAGE = 0.9  # needed to keep r on all four VADER sets >= VADER alone
MIN_COUNT = 1  # a text feature must occur in at least this many training notes
SEED = 20240601


def training_files(data: Path, notes: Path) -> list[Path]:
    """Labeled business-note files used for training (dev first, then tune files by name)."""
    files = [data / "client_notes_dev.tsv"] if (data / "client_notes_dev.tsv").is_file() else []
    files += sorted(p for p in notes.glob("client_notes_*.tsv")
                    if "tune" in p.stem.lower() and "blind" not in p.stem.lower())
    return files


Example = tuple[dict[str, float], int]


def example(text: str) -> dict[str, float]:
    """Features of one note from the rule engine's result."""
    rules = analyze_rules(text)
    return learned.features(text, *rule_summary(rules))[0]


def rule_summary(rules) -> tuple[float, str, float, float, int]:
    pos = sum(t.weight for s in rules.sentences for t in s.terms if t.weight > 0)
    neg = -sum(t.weight for s in rules.sentences for t in s.terms if t.weight < 0)
    return rules.polarity, rules.label, pos, neg, len(rules.sentences)


def load(files: list[Path]) -> dict[str, list[tuple[str, str]]]:
    return {p.stem: read_labeled_tsv(p) for p in files}


def train(examples: list[Example], l2: float = L2, epochs: int = EPOCHS,
          lr: float = LEARNING_RATE, threshold: float = THRESHOLD,
          min_count: int = MIN_COUNT) -> learned.NoteModel:
    """Multinomial logistic regression, AdaGrad SGD with L2, fixed shuffling seed."""
    counts: dict[str, int] = {}
    for feats, _ in examples:
        for name in feats:
            counts[name] = counts.get(name, 0) + 1
    keep = {n for n, c in counts.items() if c >= min_count or n.startswith("e:")}
    data = [({n: v for n, v in feats.items() if n in keep}, y) for feats, y in examples]
    w: dict[str, list[float]] = {n: [0.0, 0.0, 0.0] for n in keep}
    g2: dict[str, list[float]] = {n: [1e-8, 1e-8, 1e-8] for n in keep}
    rng = random.Random(SEED)
    order = list(range(len(data)))
    n = len(data)
    for _ in range(epochs):
        rng.shuffle(order)
        for idx in order:
            feats, y = data[idx]
            z = [0.0, 0.0, 0.0]
            for name, value in feats.items():
                wn = w[name]
                z[0] += wn[0] * value
                z[1] += wn[1] * value
                z[2] += wn[2] * value
            top = max(z)
            e = [math.exp(v - top) for v in z]
            s = sum(e)
            p = [v / s for v in e]
            for name, value in feats.items():
                wn, gn = w[name], g2[name]
                for c in range(3):
                    grad = (p[c] - (1.0 if c == y else 0.0)) * value + l2 * n * wn[c] / n
                    gn[c] += grad * grad
                    wn[c] -= lr * grad / math.sqrt(gn[c])
    weights = {k: (v[0], v[1], v[2]) for k, v in w.items() if any(abs(x) > 1e-4 for x in v)}
    return learned.NoteModel(weights, threshold, VERSION, NEUTRAL_MAX, FLIP_MAX,
                             MIN_COVERAGE)


def predict_label(model: learned.NoteModel, text: str) -> str:
    return combine(analyze_rules(text), text, model).label


def cross_validate(sets: dict[str, list[tuple[str, str]]], **kw) -> list[tuple[str, int, float, float]]:
    """(file, n, rule-engine accuracy, learned accuracy) per held-out tune file."""
    feats = {name: [(example(t), CLASSES.index(y)) for y, t in rows] for name, rows in sets.items()}
    out = []
    for held in sets:
        if "tune" not in held:
            continue
        train_ex = [ex for name, exs in feats.items() if name != held for ex in exs]
        model = train(train_ex, **kw)
        rows = sets[held]
        rule_ok = sum(analyze_rules(t).label == y for y, t in rows)
        learned_ok = sum(predict_label(model, t) == y for y, t in rows)
        out.append((held, len(rows), rule_ok / len(rows), learned_ok / len(rows)))
    return out


def print_cv(table: list[tuple[str, int, float, float]]) -> float:
    print(f"| {'held-out file':<24} | {'n':>4} | {'rules alone':>11} | {'rules+learned':>13} |")
    print(f"|{'-' * 26}|{'-' * 6}|{'-' * 13}|{'-' * 15}|")
    for name, n, a, b in table:
        print(f"| {name:<24} | {n:>4} | {a:>11.3f} | {b:>13.3f} |")
    mean_a = sum(r[2] for r in table) / len(table)
    mean_b = sum(r[3] for r in table) / len(table)
    print(f"| {'mean of folds':<24} | {'':>4} | {mean_a:>11.3f} | {mean_b:>13.3f} |")
    return mean_b


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--notes", type=Path, default=REPO / "tests" / "data")
    parser.add_argument("--cv", action="store_true", help="print the cross-validation table only")
    parser.add_argument("--out", type=Path, default=None, help="where to write the model")
    args = parser.parse_args(argv)
    sets = load(training_files(args.data, args.notes))
    if args.cv:
        print_cv(cross_validate(sets))
        return 0
    examples = [(example(t), CLASSES.index(y)) for rows in sets.values() for y, t in rows]
    model = train(examples)
    out = args.out or learned.model_path()
    out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"trained on {len(examples)} notes from {len(sets)} files; "
          f"{len(model.weights)} weights -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
