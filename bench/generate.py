"""Realistic synthetic journal data for the benchmark.

    python -m bench.generate --contacts 10000 --notes 200000 --out DIR

writes ``DIR/notes.csv`` in the app's import format (contact,date,text,company,kind,duration)
and ``DIR/meta.json`` (sizes, the heavy contacts, the search words). Deterministic for a given
seed and end date.

What makes it realistic enough to benchmark with:
- note counts per contact are long-tailed (log-normal; many contacts with a handful of notes),
  plus a few heavy contacts with 5,000+ notes each at the default size;
- each contact has a start date within the last ~10 years and notes come in irregular bursts
  (projects) plus background contact, on weekdays and business hours;
- each contact follows a trend shape (steady, souring, warming, recovering, grumpy, ...) that
  sets the balance of positive/negative sentences, so trends and charts are not flat;
- note text is 1-6 sentences of varied business phrasing (see :mod:`bench.phrases`).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import random
import time
from pathlib import Path

from bench import phrases

DEFAULT_CONTACTS = 10_000
DEFAULT_NOTES = 200_000
QUICK_CONTACTS = 500
QUICK_NOTES = 10_000
YEARS = 10
# Heavy contacts at the default size; scaled down with the total for smaller runs.
HEAVY_SIZES = (7300, 6100, 5200)
SHAPES = ("steady_good", "steady_neutral", "grumpy", "souring", "warming", "recovering",
          "rollercoaster", "recent_drop", "outlier")
SHAPE_WEIGHTS = (22, 22, 8, 12, 12, 8, 6, 6, 4)
KINDS = ("meeting", "call", "email", "message", "other")
KIND_WEIGHTS = (35, 30, 20, 12, 3)
# The search cases the benchmark runs (see meta.json).
COMMON_WORD = "invoice"
PHRASE = '"statement of work"'


def mood_at(shape: str, pos: float, rng: random.Random) -> float:
    """The mood (-1..1) a contact of this shape is in at ``pos`` (0 = first note, 1 = last)."""
    if shape == "steady_good":
        return 0.6
    if shape == "steady_neutral":
        return 0.1
    if shape == "grumpy":
        return -0.6
    if shape == "souring":
        return 0.6 if pos < 0.7 else 0.6 - 4.0 * (pos - 0.7)
    if shape == "warming":
        return -0.5 if pos < 0.6 else -0.5 + 2.5 * (pos - 0.6)
    if shape == "recovering":
        return 0.5 if pos < 0.35 else (-0.7 if pos < 0.7 else 0.6)
    if shape == "rollercoaster":
        return 0.7 * math.sin(pos * 6 * math.pi)
    if shape == "recent_drop":
        return 0.5 if pos < 0.95 else -0.8
    if shape == "outlier":
        return -0.9 if abs(pos - 0.5) < 0.01 else 0.5
    return 0.0


def _allocate(total: int, contacts: int, heavy: list[int], rng: random.Random) -> list[int]:
    """Notes per contact: the heavy ones first, the rest long-tailed with at least one each."""
    rest_contacts = contacts - len(heavy)
    rest_notes = total - sum(heavy)
    if rest_contacts <= 0 or rest_notes < rest_contacts:
        raise SystemExit("too few notes for that many contacts")
    weights = [rng.lognormvariate(0.0, 1.1) for _ in range(rest_contacts)]
    scale = (rest_notes - rest_contacts) / sum(weights)
    counts = [1 + int(w * scale) for w in weights]
    short = rest_notes - sum(counts)
    order = sorted(range(rest_contacts), key=lambda i: -(weights[i] * scale % 1))
    for i in order[:short]:
        counts[i] += 1
    return heavy + counts


def _dates(n: int, start: dt.datetime, end: dt.datetime, rng: random.Random) -> list[dt.datetime]:
    """Irregular, bursty business-hour timestamps between start and end, sorted."""
    span = max(1.0, (end - start).total_seconds() / 86400)
    bursts = [rng.uniform(0, span) for _ in range(max(1, n // 12))]
    out = []
    for _ in range(n):
        if rng.random() < 0.7:
            day = rng.gauss(rng.choice(bursts), 9.0)
        else:
            day = rng.uniform(0, span)
        day = min(max(day, 0.0), span)
        when = start + dt.timedelta(days=int(day))
        if when.weekday() >= 5 and rng.random() < 0.85:  # mostly weekdays
            when -= dt.timedelta(days=when.weekday() - 4)
        when = when.replace(hour=rng.choice((8, 9, 10, 11, 13, 14, 15, 16, 17)),
                            minute=rng.choice((0, 0, 15, 30, 45)), second=0, microsecond=0)
        out.append(when)
    out.sort()
    return out


def generate(contacts: int, notes: int, out: Path, seed: int = 7,
             end: dt.date | None = None) -> dict:
    rng = random.Random(seed)
    end_dt = dt.datetime.combine(end or dt.date.today(), dt.time(18, 0))
    first_day = end_dt - dt.timedelta(days=int(365.25 * YEARS))
    factor = notes / DEFAULT_NOTES
    heavy = [max(50, int(h * factor)) for h in HEAVY_SIZES][:max(1, min(3, contacts // 10))]
    counts = _allocate(notes, contacts, heavy, rng)

    used: set[tuple[str, str]] = set()
    names_used: dict[str, int] = {}
    people = []
    for i, count in enumerate(counts):
        name, company = phrases.person_name(rng), phrases.company(rng)
        if rng.random() < 0.6 or i < len(heavy):  # middle initials: fewer namesakes
            name = f"{name.split()[0]} {chr(65 + rng.randrange(26))}. {name.split()[-1]}"
        # Namesakes at different companies are realistic, but the heavy contacts get unique
        # names so that ``report --contact NAME`` can pick them.
        while (name, company) in used or (i < len(heavy) and name in names_used):
            name = f"{name.split()[0]} {chr(65 + rng.randrange(26))}. {name.split()[-1]}"
        used.add((name, company))
        names_used[name] = names_used.get(name, 0) + 1
        shape = rng.choices(SHAPES, weights=SHAPE_WEIGHTS)[0]
        if i < len(heavy):  # heavy clients go back the whole ten years
            start = first_day
            shape = ("rollercoaster", "souring", "recovering")[i % 3]
        else:
            # more contacts were met recently than ten years ago
            back = (1.0 - rng.random() ** 0.6) * (end_dt - first_day).days
            start = end_dt - dt.timedelta(days=int(back) + 1)
        stop = end_dt if rng.random() < 0.6 else start + (end_dt - start) * rng.uniform(0.3, 1.0)
        people.append((name, company, shape, start, stop, count))

    heavy_names = {p[0] for p in people[:len(heavy)]}
    for k, p in enumerate(people[len(heavy):], len(heavy)):
        if p[0] in heavy_names:  # a later namesake of a heavy contact gets another initial
            people[k] = (p[0].split()[0] + " Z. " + p[0].split()[-1] + " Jr.", *p[1:])
    rare_every = max(50, notes // 40)  # ~40 notes mention the rare word
    rows = []
    serial = 0
    for name, company, shape, start, stop, count in people:
        for k, when in enumerate(_dates(count, start, stop, rng)):
            serial += 1
            pos = k / max(1, count - 1)
            text = phrases.note_text(mood_at(shape, pos, rng), rng, rare=serial % rare_every == 0)
            kind = rng.choices(KINDS, weights=KIND_WEIGHTS)[0]
            duration = (rng.choice((15, 30, 30, 45, 60, 60, 90, 120)) if kind == "meeting" else
                        rng.choice((5, 10, 15, 20, 30)) if kind == "call" else "")
            rows.append((when, name, text, company, kind, duration))
    rows.sort(key=lambda r: r[0])  # like an export from another tool: in date order

    out.mkdir(parents=True, exist_ok=True)
    csv_path = out / "notes.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(("contact", "date", "text", "company", "kind", "duration"))
        for when, name, text, company, kind, duration in rows:
            writer.writerow((name, when.strftime("%Y-%m-%d %H:%M"), text, company, kind, duration))
    meta = {
        "contacts": contacts,
        "notes": notes,
        "seed": seed,
        "end": end_dt.date().isoformat(),
        "csv": csv_path.name,
        "csv_bytes": csv_path.stat().st_size,
        "heavy": [{"name": p[0], "company": p[1], "notes": p[5], "shape": p[2]}
                  for p in people[:len(heavy)]],
        "search": {"common": COMMON_WORD, "rare": phrases.RARE_WORD, "phrase": PHRASE},
        "shapes": {s: sum(1 for p in people if p[2] == s) for s in SHAPES},
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n")[0])
    parser.add_argument("--contacts", type=int, default=None)
    parser.add_argument("--notes", type=int, default=None)
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_CONTACTS} contacts / {QUICK_NOTES} notes")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--end", help="date of the newest note (default: today)")
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args(argv)
    contacts = args.contacts or (QUICK_CONTACTS if args.quick else DEFAULT_CONTACTS)
    notes = args.notes or (QUICK_NOTES if args.quick else DEFAULT_NOTES)
    t0 = time.perf_counter()
    meta = generate(contacts, notes, args.out, args.seed,
                    dt.date.fromisoformat(args.end) if args.end else None)
    print(f"wrote {meta['notes']} notes for {meta['contacts']} contacts to {args.out / meta['csv']} "
          f"({meta['csv_bytes'] / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s; heaviest: "
          + ", ".join(f"{h['name']} ({h['notes']})" for h in meta["heavy"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
