"""The biz-1.2 mechanisms other than topic vs event, applied per sentence in place.

:func:`apply_biz12_rules` runs each mechanism behind a cheap set test: topic vs event (see
:mod:`sentiment.topics`); metric changes by direction x metric ("NPS went from 6 to 9",
"costs doubled"); requests for money back; a client's apology or admitted fault; "still no
..."; partial payment ("only 60%"); waits measured in days; superlative praise with a time
frame ("the clearest report he's read all year"); narrow irony inside a sentence ("Oh
wonderful, another ...", "Great, just what we needed"); routine meetings ("just a
walkthrough"); good news that was declined; short scare-quoted minimisers ("quick change").
"""
from __future__ import annotations

import re

from sentiment.clauses import BLOCKERS, INTERJECTIONS
from sentiment.lexicons import Lexicons
from sentiment.tokens import is_number, number_value
from sentiment.topics import TOPIC_WORDS, apply_topics

# Metric changes: "NPS went from 6 to 9", "traffic up 40%", "costs doubled"
_GOOD_METRICS = frozenset({
    "nps", "retention", "conversion", "conversions", "satisfaction", "csat", "traffic",
    "revenue", "revenues", "sales", "score", "scores", "rating", "ratings", "margin", "margins",
    "leads", "signups", "sign-ups", "uptime", "engagement", "budget", "budgets", "fees",
    "retainer", "orders", "bookings", "profit", "profits", "occupancy", "attendance",
    "adoption", "usage", "subscribers", "followers", "open", "ctr", "roi", "pipeline",
    "renewals", "referrals", "throughput", "productivity", "accuracy", "coverage", "output",
    "yield", "visits", "visitors", "downloads", "users", "customers", "enrolment",
    "enrollment", "footfall", "turnover-revenue", "morale", "reviews", "hours", "scope"})
_BAD_METRICS = frozenset({
    "churn", "cost", "costs", "complaints", "tickets", "errors", "downtime", "bugs", "defects",
    "incidents", "turnover", "attrition", "dso", "absence", "absences", "absenteeism",
    "returns", "refunds", "backlog", "overtime", "waste", "spend", "expenses", "latency",
    "chargebacks", "escalations", "debt", "arrears", "bounce", "delays", "outages",
    "cancellations", "no-shows", "rework", "scrap", "injuries", "accidents", "vacancies"})
_UP_WORDS = frozenset({"up", "rose", "risen", "grew", "grown", "increased", "doubled",
                       "tripled", "quadrupled", "jumped", "climbed", "improved", "higher"})
_DOWN_WORDS = frozenset({"down", "fell", "fallen", "dropped", "decreased", "halved", "shrank",
                         "declined", "lower", "sank"})
_METRIC_VALENCE = 2.0
# Superlative praise with a time frame: "the clearest report he's read all year"
_SUPERLATIVE_FRAMES = (("all", "year"), ("in", "years"), ("all", "quarter"), ("in", "ages"),
                       ("in", "a", "long", "time"), ("in", "my", "career"), ("ever",))
# Asking for money back: "asked for a 30% discount", "wants a refund"
_MONEY_BACK = frozenset({"discount", "discounts", "refund", "reduction", "rebate",
                         "write-off", "credit"})
_REQUEST_VERBS = frozenset({"asked", "asking", "asks", "want", "wants", "wanted", "demanded",
                            "demanding", "requested", "requesting", "pushing", "pushed",
                            "insisted", "insisting", "expect", "expects", "expecting"})
_ADMIT_VERBS = frozenset({"admitted", "acknowledged", "conceded", "accepted", "owned",
                          "admits", "acknowledges", "concedes"})
_FAULT_WORDS = frozenset({"wrong", "mistake", "mistakes", "error", "errors", "fault",
                          "oversight", "misunderstanding", "mix-up", "blame", "misread",
                          "incorrect", "late", "delay", "delays", "problem"})
_APOLOGY = frozenset({"apologized", "apologised", "apologizes", "apologises"})
_WAIT_OBJECTS = frozenset({"invoice", "invoices", "payment", "payments", "po", "feedback",
                           "reply", "response", "answer", "approval", "sign-off", "signature",
                           "access", "decision", "deposit", "contract", "comments"})
_DURATION_UNITS = frozenset({"days", "weeks", "months"})
_MONEY_WORDS = frozenset({"paid", "pay", "payment", "payments", "invoice", "invoiced",
                          "invoices", "deposit", "bill", "billed", "fee", "fees", "budget",
                          "transferred", "sent"})
_PARTIAL = frozenset({"half", "part", "partial", "a", "some", "a fraction"})
_ROUTINE_DESCRIPTORS = frozenset({"walkthrough", "walk-through", "formality", "housekeeping",
                                  "routine", "status", "admin", "check-in", "catch-up", "demo",
                                  "readout", "read-through", "handover"})
_BALANCE_HEDGES = frozenset({"about", "roughly", "more", "pretty", "overall", "broadly",
                             "largely", "mostly", "basically"})
_MORE_OF_IT = frozenset({"another", "again", "more"})
# Good-news nouns a stopping verb can follow: "testimonial request declined"
_GOOD_NEWS_NOUNS = frozenset({
    "testimonial", "referral", "referrals", "renewal", "proposal", "offer", "expansion",
    "upsell", "extension", "budget", "deal", "contract", "approval", "invitation", "order",
    "po", "promotion", "bonus", "raise", "launch", "rollout", "partnership", "sign-off"})
_COPULAS = frozenset({"is", "are", "was", "were", "been", "went", "goes", "gone", "be", "it's",
                      "they're", "now"})
_PRONOUNS = frozenset({"they", "we", "i", "he", "she", "it", "you", "them", "us", "who",
                       "they've", "we've", "they'd", "he'd", "she'd", "i'd"})
_CLAUSE_JOINERS = frozenset({"but", "and", "then", "so", "however", "because", "after",
                             "before", "while", "when", "although"})
_NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine",
                           "ten", "eleven", "twelve", "several", "many", "a", "few"})
_SUPERLATIVE_SET = frozenset({"year", "years", "ever", "ages", "career", "quarter", "time"})
_NOT_SUPERLATIVES = frozenset({"latest", "interest", "request", "harvest", "honest", "forest",
                               "suggest", "protest", "contest", "invest", "manifest",
                               "modest", "biggest", "longest", "largest", "earliest",
                               "highest", "lowest", "fastest", "slowest", "digest", "arrest",
                               "guest", "quest", "priest", "rest", "test", "west", "nearest"})
_MINIMISERS = frozenset({"quick", "small", "minor", "simple", "tiny", "slight", "little",
                         "easy", "light", "important", "urgent", "brief", "minimal", "tweak"})
_QUOTED_RE = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{1,40})[\"\u201d]")


def apply_biz12_rules(text: str, start: int, end: int, starts: list[int], low: list[str],
                      lowset: set[str], breaks: list[bool], vals: list[float],
                      known: list[bool], span_end: list[int], lex: Lexicons) -> None:
    """biz-1.2 mechanisms, each gated by a cheap set test (in place)."""
    n = len(low)
    if not TOPIC_WORDS.isdisjoint(lowset):
        apply_topics(low, breaks, vals, span_end)
    if not (_GOOD_METRICS.isdisjoint(lowset) and _BAD_METRICS.isdisjoint(lowset)):
        _apply_metrics(low, vals, known, span_end)
    if not _MONEY_BACK.isdisjoint(lowset) and not _REQUEST_VERBS.isdisjoint(lowset):
        for i, w in enumerate(low):
            if w in _MONEY_BACK and vals[i] <= 0 and span_end[i] >= 0:
                for j in range(i - 1, max(-1, i - 6), -1):
                    if breaks[j]:
                        break
                    if low[j] in _REQUEST_VERBS:
                        vals[i] = -2.0
                        known[i] = True
                        break
    if not _APOLOGY.isdisjoint(lowset):
        for i, w in enumerate(low):
            if w in _APOLOGY:
                if vals[i] <= 0 and span_end[i] >= 0:
                    vals[i] = 1.2
                for k in range(i + 1, min(n, i + 6)):
                    if vals[k] < 0:
                        vals[k] *= 0.2
                    if breaks[k]:
                        break
    if not _ADMIT_VERBS.isdisjoint(lowset) and not _FAULT_WORDS.isdisjoint(lowset):
        for i, w in enumerate(low):
            if w in _ADMIT_VERBS:
                for k in range(i + 1, min(n, i + 8)):
                    if low[k] in _FAULT_WORDS and vals[k] < 0:
                        vals[k] = -vals[k] * 0.5  # owning a mistake is good for the relationship
                    if breaks[k]:
                        break
    if "still" in lowset:
        for i in range(n - 1):
            nxt = low[i + 1]
            if low[i] == "still" and span_end[i] == i and (
                    nxt in ("no", "not", "nothing", "nobody") or nxt.endswith("n't")):
                k = i + 1
                while k < n and not vals[k]:
                    if breaks[k]:
                        break
                    k += 1
                if k >= n or breaks[k] and not vals[k]:
                    vals[i] = -1.2  # "still no feedback", "still hasn't issued the PO"
                    known[i] = True
    if "only" in lowset and not _MONEY_WORDS.isdisjoint(lowset):
        for i in range(n - 1):
            if low[i] == "only" and span_end[i] == i:
                nxt = low[i + 1]
                if is_number(nxt) or nxt in ("half", "part", "partial", "some") or (
                        nxt == "a" and i + 2 < n and low[i + 2] in
                        ("fraction", "portion", "third", "quarter", "part")):
                    vals[i] = -2.0  # "paid, but only 60% of the invoice"
                    known[i] = True
    if not _DURATION_UNITS.isdisjoint(lowset) and not _WAIT_OBJECTS.isdisjoint(lowset) \
            and not any(v > 0 for v in vals):
        for k in range(2, n):
            if low[k] in _DURATION_UNITS and low[k - 2] in ("for", "after", "over") and \
                    span_end[k] == k and (is_number(low[k - 1]) or low[k - 1] in _NUMBER_WORDS):
                vals[k] = -1.5  # "the invoice has been in the system for 70 days"
                known[k] = True
                break
    if not _SUPERLATIVE_SET.isdisjoint(lowset):
        _apply_superlatives(low, lowset, vals, known, span_end, lex)
    if "oh" in lowset:
        for k in range(n - 1):
            if low[k] == "oh" and low[k + 1] in INTERJECTIONS and vals[k + 1] > 0 and \
                    not any(v > 0 for v in vals[k + 2:]) and (
                    any(v < 0 for v in vals) or not _MORE_OF_IT.isdisjoint(low[k + 2:])):
                vals[k + 1] = -vals[k + 1]  # "Oh wonderful, another change request"
    if n > 2 and low[0] in INTERJECTIONS and breaks[0] and low[1] == "just" and vals[0] > 0:
        for k in range(n):  # "Great, just what we needed: another form to fill in"
            if vals[k] > 0:
                vals[k] = -vals[k]
    if not _ROUTINE_DESCRIPTORS.isdisjoint(lowset):
        for k, w in enumerate(low):
            if w in _ROUTINE_DESCRIPTORS and any(
                    p in ("just", "mostly", "only", "simply", "basically", "purely")
                    for p in low[max(0, k - 3):k]):
                for m in range(n):
                    if 0 < abs(vals[m]) <= 1.3:
                        vals[m] = 0.0  # "Call was fine, just a walkthrough"
                break
    if not BLOCKERS.isdisjoint(lowset):
        for i, w in enumerate(low):
            if w in BLOCKERS and i > 0 and low[i - 1] not in _PRONOUNS:
                for j in range(i - 1, max(-1, i - 4), -1):
                    if breaks[j] or low[j] in _PRONOUNS or low[j] in _CLAUSE_JOINERS:
                        break
                    if vals[j] > 0 and low[j] in _GOOD_NEWS_NOUNS:
                        vals[j] = 0.0  # "testimonial request declined", "renewal was rejected"
    if '"' in text[start:end] or "\u201c" in text[start:end]:
        _apply_scare_quotes(text, start, end, starts, low, vals, known, span_end)


def _apply_metrics(low: list[str], vals: list[float], known: list[bool],
                   span_end: list[int]) -> None:
    """A metric that moved: "NPS went from 6 to 9", "traffic up 40%", "costs doubled"."""
    n = len(low)
    metric, sign = -1, 0
    for i, w in enumerate(low):
        if w in _GOOD_METRICS:
            metric, sign = i, 1
            break
        if w in _BAD_METRICS:
            metric, sign = i, -1
            break
    direction, at = 0, -1
    for i, w in enumerate(low):
        if w == "from" and i + 3 < n and low[i + 2] == "to":
            a, b = number_value(low[i + 1]), number_value(low[i + 3])
            if a is not None and b is not None and is_number(low[i + 1]) and \
                    is_number(low[i + 3]) and a != b:
                direction, at = (1 if b > a else -1), i
                break
        if w in _UP_WORDS or w in _DOWN_WORDS:
            if w in ("up", "down", "higher", "lower"):
                nxt = low[i + 1] if i + 1 < n else ""
                prev = low[i - 1] if i else ""
                if not (prev in _COPULAS or i - 1 == metric or is_number(nxt) or nxt in ("from", "by", "sharply", "again", "markedly",
                                                   "significantly", "a", "to")):
                    continue
            direction, at = (1 if w in _UP_WORDS else -1), i
            break
    if not direction or span_end[at] < 0 or abs(at - metric) > 8:
        return
    if span_end[metric] >= 0:
        vals[metric] = 0.0  # "churn went down": the change is the news, not the word
    vals[at] = _METRIC_VALENCE * direction * sign
    known[at] = True


def _apply_superlatives(low: list[str], lowset: set[str], vals: list[float],
                        known: list[bool], span_end: list[int], lex: Lexicons) -> None:
    """ "the clearest report he's read all year": a superlative of a good word plus a time
    frame is praise, even when the superlative itself is not in any lexicon."""
    n = len(low)
    framed = "ever" in lowset or any(
        tuple(low[k:k + len(f)]) == f for f in _SUPERLATIVE_FRAMES if len(f) > 1
        for k in range(n - len(f) + 1))
    if not framed:
        return
    words = lex.words
    for i, w in enumerate(low):
        if len(w) > 5 and w.endswith("est") and not vals[i] and span_end[i] == i \
                and w not in _NOT_SUPERLATIVES:
            stem = w[:-3]
            for base in (stem, stem + "e", stem[:-1], stem[:-1] + "y"):
                v = words.get(base)
                if v:
                    vals[i] = max(-4.0, min(4.0, v * 1.5))
                    known[i] = True
                    break


def _apply_scare_quotes(text: str, start: int, end: int, starts: list[int], low: list[str],
                        vals: list[float], known: list[bool], span_end: list[int]) -> None:
    """A short quoted phrase with a minimising word is a complaint: another "quick change"."""
    for m in _QUOTED_RE.finditer(text, start, end):
        a, b = m.start(1), m.end(1)
        idx = [k for k, s0 in enumerate(starts) if a <= s0 < b]
        if len(idx) < 2 or len(idx) > 4 or not any(low[k] in _MINIMISERS for k in idx):
            continue
        for k in idx:
            if vals[k] > 0:
                vals[k] = 0.0
        k0 = idx[0]
        if span_end[k0] >= 0:
            vals[k0] = -1.5
            known[k0] = True

