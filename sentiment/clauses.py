"""Clause and sentence rules of the note scorer: contrast, stopping verbs, initial problems,
resolved problems, pending good news, irony and balanced verdicts.

Each rule works in place on the word valences of one sentence (``vals``) after the look-up
and negation of :mod:`sentiment.valence`, except :func:`apply_irony` and the balance test,
which the note scorer (:mod:`sentiment.engine`) applies across sentences. Also holds the word
sets other rules share: ``BLOCKERS`` (stopping verbs), ``INTERJECTIONS``, and the contrast
weights ``BEFORE_SCALE``/``AFTER_SCALE``.
"""
from __future__ import annotations

import re

# Contrast: the clause after "but" carries the verdict, a "despite"/"although" clause does not
_AFTER_MARKERS = frozenset({"but", "however", "nevertheless", "nonetheless", "although", "though"})
_SUBORDINATE = frozenset({"despite", "although", "though", "whereas"})
SENTENCE_CONTRAST = frozenset({"but", "however", "still", "nevertheless", "nonetheless", "yet"})
BEFORE_SCALE = 0.5
AFTER_SCALE = 1.5
# A problem that is explicitly over: "the dispute is resolved", "overdue invoice was settled"
_RESOLUTION = frozenset({"resolved", "settled", "fixed", "cleared", "solved", "sorted"})
_RESOLVED_SCALE = 0.3
_CONDITIONAL = frozenset({"until", "unless", "if", "once", "when", "till"})
# Verbs that stop a good thing: "paused the expansion", "lost the renewal" - the good noun
# after them must not count (the verb itself carries the negative valence).
BLOCKERS = frozenset({"paused", "pausing", "stopped", "cancelled", "canceled", "halted", "froze",
                      "frozen", "lost", "killed", "scrapped", "dropped", "blocked", "withdrew",
                      "rejected", "declined", "postponed", "reduce", "reduced", "reducing", "cut",
                      "cutting", "pulled", "pulling", "trimmed", "slashed", "shelved",
                      "descoped", "suspended", "ended", "terminated"})
# Stopping verbs with no valence of their own get this one when their object is the work
_BLOCKER_VALENCE = -1.8
_ENGAGEMENT_OBJECTS = frozenset({
    "budget", "budgets", "funding", "retainer", "hours", "scope", "contract", "engagement",
    "project", "projects", "phase", "pilot", "rollout", "expansion", "renewal", "order",
    "orders", "headcount", "spend", "investment", "program", "programme", "deal", "workstream",
    "fees", "rate", "rates", "seats", "licenses", "licences", "team", "roadmap", "initiative"})
# A problem that was only initial ("skeptical at first") turns to this share of good news
_INITIAL_FLIP = 0.5
# Markers after which good news is only expected: "once the contract is signed"
_PENDING = frozenset({"once", "unless", "pending", "provided"})
# Irony: sentences made only of these ("Great, just great.", "Wonderful.", "Again.")
INTERJECTIONS = frozenset({
    "great", "wonderful", "perfect", "fantastic", "brilliant", "lovely", "awesome", "super",
    "terrific", "marvellous", "marvelous", "fabulous", "excellent", "nice", "splendid",
    "superb", "amazing", "yay", "joy"})
_IRONY_FILLERS = frozenset({"just", "oh", "so", "how", "really", "well", "thanks", "yeah",
                            "wow", "what", "a", "surprise"})
_AGAIN_ONLY = frozenset({"again", "yet", "once", "and", "of", "course"})
# Balanced verdicts pull the whole note towards neutral: "net zero", "overall as expected"
BALANCE_RE = re.compile(
    r"\b(?:net zero|mixed bag|mixed results|mixed picture|swings and roundabouts|"
    r"evens? out|evened out|balanced out|cancels? (?:each other )?out|"
    r"(?:about|roughly|more or less|pretty much|overall|broadly|largely|basically)(?: about)? "
    r"(?:as expected|as planned|on plan|what (?:we|i) expected|where (?:we|i) expected))\b",
    re.IGNORECASE)
BALANCE_SCALE = 0.1


def apply_blocker_objects(low: list[str], breaks: list[bool], vals: list[float],
                          known: list[bool], span_end: list[int]) -> None:
    """A stopping verb aimed at the engagement is bad news: "cut our hours", "pulled the
    second phase", "reduce the retainer" (in place)."""
    if BLOCKERS.isdisjoint(low):
        return
    n = len(low)
    for i, w in enumerate(low):
        if w not in BLOCKERS or vals[i] or span_end[i] != i:
            continue
        for j in range(i + 1, min(n, i + 5)):
            if low[j] in _ENGAGEMENT_OBJECTS:
                vals[i] = _BLOCKER_VALENCE
                known[i] = True
                break
            if breaks[j]:
                break


def _apply_initial_state(low: list[str], breaks: list[bool], vals: list[float]) -> None:
    """A problem said to be only initial ("skeptical at first", "initially hesitant") tells of
    a change for the better (in place)."""
    n = len(low)
    for m, w in enumerate(low):
        if w == "initially":
            window = list(range(max(0, m - 3), min(n, m + 4)))
        elif w == "first" and m > 0 and low[m - 1] == "at":
            window = list(range(max(0, m - 4), m - 1))
        else:
            continue
        for k in window:
            if vals[k] < 0 and not any(breaks[x] for x in range(min(k, m), max(k, m))):
                vals[k] = -vals[k] * _INITIAL_FLIP


def _apply_pending(low: list[str], breaks: list[bool], vals: list[float]) -> None:
    """Good news that has not happened yet ("once the contract is signed") is not news."""
    n = len(low)
    for m, w in enumerate(low):
        if w in _PENDING:
            for k in range(m + 1, min(n, m + 6)):
                if vals[k] > 0 and low[k][:1].isalpha():
                    vals[k] = 0.0
                if breaks[k]:
                    break


def _apply_resolution(low: list[str], vals: list[float]) -> None:
    """Dampen the problem words of a sentence that says the problem is over (in place)."""
    if not _CONDITIONAL.isdisjoint(low):
        # "until the bugs are fixed": a condition, not a resolution
        for i, w in enumerate(low):
            if w in _RESOLUTION and vals[i] > 0:
                vals[i] = 0.0
        return
    if any(w in _RESOLUTION and vals[i] > 0 for i, w in enumerate(low)):
        for i, v in enumerate(vals):
            if v < 0:
                vals[i] = v * _RESOLVED_SCALE


def _apply_contrast(low: list[str], breaks: list[bool], vals: list[float]) -> None:
    """Shift weight to the clause that carries the verdict (in place)."""
    n = len(low)
    for i, w in enumerate(low):
        if w in _SUBORDINATE or (w == "in" and low[i + 1:i + 3] == ["spite", "of"]):
            # "although X, Y" / "Y despite X": the subordinate clause X is discounted
            j = i
            while j < n and not (breaks[j] and j > i):
                vals[j] *= BEFORE_SCALE
                j += 1
            if j < n:
                j += 1
            for k in range(0, i):
                vals[k] *= AFTER_SCALE
            for k in range(j, n):
                vals[k] *= AFTER_SCALE
            return
        if w in _AFTER_MARKERS and i > 0:
            for k in range(i):
                vals[k] *= BEFORE_SCALE
            for k in range(i + 1, n):
                vals[k] *= AFTER_SCALE
            return


def apply_clause_rules(low: list[str], lowset: set[str], breaks: list[bool],
                       vals: list[float]) -> None:
    """Initial problems, resolved problems, pending good news, then contrast (in place)."""
    if "initially" in lowset or "first" in lowset:
        _apply_initial_state(low, breaks, vals)
    if not _RESOLUTION.isdisjoint(lowset):
        _apply_resolution(low, vals)
    if not _PENDING.isdisjoint(lowset):
        _apply_pending(low, breaks, vals)
    _apply_contrast(low, breaks, vals)


def irony_kind(lowset: set[str]) -> int:
    """How a sentence may be ironic, from its set of lower-case words: 0 not at all,
    1 interjections only ("Wonderful."), 2 with "just" ("Great, just great."), 3 a bare
    "Again." (the note-level decision is :func:`apply_irony`'s)."""
    irony = 0
    if lowset <= INTERJECTIONS | _IRONY_FILLERS and not INTERJECTIONS.isdisjoint(lowset):
        irony = 2 if "just" in lowset else 1  # "Great, just great." / "Wonderful."
    elif lowset <= _AGAIN_ONLY and "again" in lowset:
        irony = 3  # "Again." after bad news
    return irony


def apply_irony(results: list, ironies: list[tuple[int, int]]) -> None:
    """Interjection-only sentences next to bad news are sarcastic ("Great, just great."),
    and a bare "Again." adds to the bad news (in place)."""
    ironic = {k for k, _ in ironies}
    again = any(kind == 3 for _, kind in ironies)
    for k, kind in ironies:
        a, b, t, sc = results[k]
        if kind == 3:
            results[k] = (a, b, -1.2, sc)
            continue
        # a one-word "Wonderful." is sarcastic when the next sentence is bad news
        bad_next = k + 1 < len(results) and k + 1 not in ironic and results[k + 1][2] < 0
        if kind == 2 or (len(sc) == 1 and (bad_next or again)):
            flipped = [(x, y, -abs(v)) for x, y, v in sc]
            results[k] = (a, b, -max(abs(t), 2.0), flipped)

