"""Note scoring: VADER-style valence sums over a merged lexicon, plus clause rules.

Per sentence: tokens are looked up (our business phrases first, longest match, then single
words from our list, VADER's, TextBlob's); boosters within three words, negation within four
(not across a comma; "nobody"/"no one" negate their clause's verb wherever it is; some words
have their own negated valence, e.g. "answered" 0 but "nobody answered" -1.8) and ALL-CAPS
emphasis adjust each valence. Stopping verbs aimed at the work ("cut our hours") are negative;
problems said to be only initial ("skeptical at first") and good news still pending ("once it
is signed") are re-weighted; contrast markers move weight to the clause that carries the verdict.
biz-1.2 adds mechanisms rather than phrases: loaded nouns that are only the topic of routine
work ("reviewed the termination clause", "churn analysis", "a slide on the failed rollout",
"... for context") are damped; metric changes ("NPS went from 6 to 9", "costs doubled") score by
direction x metric; narrow irony ("Great, just great.", "Oh wonderful, another ...", a lone
"Wonderful." before bad news, short scare-quoted minimisers); negation reaching through
"anything"/"enough to"; "still no/hasn't ..."; partial payment ("only 60%"); requests for money
back; a client's apology or admitted fault; waits measured in days; superlative praise with a
time frame; balanced verdicts ("net zero", "overall as expected") pull the note to neutral.
A sentence's polarity and the note's polarity are VADER's
normalisation ``x / sqrt(x^2 + 15)`` of the summed valences.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable

from sentiment.learned import CLASSES as LEARNED_CLASSES
from sentiment.learned import NoteModel, get_model
from sentiment.learned import word_spans as learned_word_spans
from sentiment.learned import features as learned_features
from sentiment.lexicons import Lexicons, get_lexicons
from sentiment.types import ANALYZER_VERSION, SentenceScore, Sentiment, Term, label_for

_EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF"
_TOKEN_RE = re.compile(rf"[{_EMOJI}]|[^\s{_EMOJI}]+")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\s*\n\s*")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’—–…"
_CLAUSE_END = (",", ";", ":", "—", "–", " -")
_AFTER_MARKERS = frozenset({"but", "however", "nevertheless", "nonetheless", "although", "though"})
_SUBORDINATE = frozenset({"despite", "although", "though", "whereas"})
_SENTENCE_CONTRAST = frozenset({"but", "however", "still", "nevertheless", "nonetheless", "yet"})
_BEFORE_SCALE = 0.5
_AFTER_SCALE = 1.5
_EXTRA_NEGATIONS = frozenset({"zero", "nobody", "none", "nothing", "neither"})
# A problem that is explicitly over: "the dispute is resolved", "overdue invoice was settled"
_RESOLUTION = frozenset({"resolved", "settled", "fixed", "cleared", "solved", "sorted"})
_RESOLVED_SCALE = 0.3
_CONDITIONAL = frozenset({"until", "unless", "if", "once", "when", "till"})
# Verbs that stop a good thing: "paused the expansion", "lost the renewal" - the good noun
# after them must not count (the verb itself carries the negative valence).
_BLOCKERS = frozenset({"paused", "pausing", "stopped", "cancelled", "canceled", "halted", "froze",
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
# Subjects that negate the verb of their clause wherever it is: "Nobody from their side showed up"
_SUBJECT_NEGATIONS = frozenset({"nobody", "noone", "nobody's"})
_MODALS = frozenset({"should", "would", "could", "can", "will", "must", "may", "might", "shall"})
_COMPARISON_WORDS = frozenset({"this", "so", "such", "more", "as"})
_INITIAL_FLIP = 0.5
# Markers after which good news is only expected: "once the contract is signed"
_PENDING = frozenset({"once", "unless", "pending", "provided"})
# --- biz-1.2 mechanisms -------------------------------------------------------------------
# Topic vs event: loaded nouns that are often only the subject matter of routine work
# ("the complaint process", "churn analysis", "termination clause").
_TOPIC_WORDS = frozenset({
    "complaint", "complaints", "churn", "termination", "terminations", "penalty", "penalties",
    "competitor", "competitors", "debt", "debts", "collection", "collections", "dispute",
    "disputes", "incident", "incidents", "bug", "bugs", "defect", "defects", "fraud",
    "escalation", "escalations", "refund", "refunds", "outage", "outages", "postmortem",
    "post-mortem", "failure", "failures", "failed", "risk", "risks", "cancellation",
    "cancellations", "breach", "breaches", "downtime", "error", "errors", "conflict",
    "conflicts", "crisis", "layoffs", "lay-offs", "redundancy", "redundancies", "recall",
    "chargeback", "chargebacks", "lawsuit", "lawsuits", "litigation", "threat", "threats",
    "attrition", "turnover", "problem", "problems", "issue", "issues", "loss", "losses",
    "damage", "damages", "liability", "grievance", "grievances", "accident", "accidents",
    "injury", "injuries", "in-house", "late", "overrun",
    "overruns", "delay", "delays", "discount", "discounts", "remediation", "rca", "warning",
    "warnings", "pain", "arrears", "overdue", "cancel", "complaint-handling", "downgrade",
    "downgrades", "write-off", "write-offs", "regression", "regressions"})
# Heads of noun compounds that make the loaded noun a topic ("complaint PROCESS")
_WORK_HEADS = frozenset({
    "process", "processes", "procedure", "procedures", "documentation", "doc", "docs",
    "document", "documents", "policy", "policies", "clause", "clauses", "template",
    "templates", "analysis", "analyses", "report", "reports", "reporting", "dashboard",
    "dashboards", "slide", "slides", "deck", "section", "sections", "register", "list",
    "lists", "log", "logs", "postmortem", "post-mortem", "triage", "checklist", "checklists",
    "plan", "plans", "framework", "workflow", "workflows", "workshop", "agenda", "schedule",
    "letter", "letters", "requirements", "handling", "detection", "management", "module",
    "training", "matrix", "playbook", "playbooks", "runbook", "runbooks", "tracker", "form",
    "forms", "criteria", "wording", "model", "models", "data", "metrics", "trends",
    "history", "review", "reviews", "question", "questions", "summary", "notes", "memo",
    "guidelines", "guide", "manual", "sop", "sops", "spreadsheet", "survey", "scenario",
    "scenarios", "simulation", "testing", "tests", "categories", "codes", "field", "fields",
    "taxonomy", "script", "scripts", "faq", "strategy", "mitigation", "prevention",
    "response", "recovery", "resolution", "insurance", "rules", "scoring", "tool", "tooling",
    "queue", "section", "appendix", "chapter", "page", "tab", "column", "columns", "flow",
    "flows", "map", "mapping", "study", "research", "benchmark", "benchmarks", "forecast",
    "forecasts", "modelling", "modeling", "clause", "provisions", "provision", "procedure",
    "briefing", "course", "module", "audit", "audits", "assessment", "assessments"})
# Words that link a work object to its topic: "a slide ON the failed rollout"
_TOPIC_LINKS = frozenset({"on", "of", "about", "around", "regarding", "re", "covering", "for"})
_DETERMINERS = frozenset({"the", "a", "an", "their", "our", "his", "her", "its", "my", "your",
                          "customer", "client", "last", "year's", "known", "this", "that",
                          "these", "those", "all", "any", "past", "recent", "previous"})
_FUNCTION = frozenset({
    "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "and", "or",
    "but", "to", "of", "on", "in", "at", "by", "for", "with", "from", "about", "the", "a",
    "an", "they", "we", "i", "he", "she", "it", "that", "this", "which", "who", "so", "as",
    "not", "no", "again", "very", "got", "get", "still", "now", "then", "just"})
# Routine work verbs that open a clause and make its loaded nouns a topic
_ROUTINE_VERBS = frozenset({
    "reviewed", "read", "drafted", "added", "updated", "discussed", "mapped", "documented",
    "prepared", "shared", "compared", "sketched", "outlined", "summarised", "summarized",
    "analysed", "analyzed", "researched", "compiled", "gathered", "listed", "presented",
    "covered", "explained", "described", "catalogued", "cataloged", "tagged", "categorised",
    "categorized", "translated", "edited", "proofread", "formatted", "uploaded", "attached",
    "reviewing", "drafting", "preparing", "mapping", "documenting", "discussing", "studied",
    "annotated", "benchmarked", "modelled", "modeled", "designed", "revised", "rewrote",
    "organised", "organized", "planned", "scoped", "reviewing", "observed", "shadowed",
    "wrote", "walked", "went", "talked", "took", "looked", "ran", "facilitated", "collated"})
_ROUTINE_PARTICLES = {"wrote": ("up",), "walked": ("through", "them", "him", "her", "us"),
                      "went": ("through", "over"), "talked": ("through", "about"),
                      "took": ("notes",), "looked": ("at", "into", "over"),
                      "ran": ("through",)}
_SUBJECT_STARTERS = frozenset({"i", "we", "i've", "we've", "also", "then", "just", "quickly",
                               "briefly", "together", "jointly"})
_TOPIC_CONTEXT = (("for", "context"), ("as", "background"), ("for", "background"),
                  ("for", "reference"), ("lessons", "learned"), ("lessons", "learnt"),
                  ("as", "context"), ("for", "the", "record"))
_TOPIC_DAMP = 0.05
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
_NUMBER_RE = re.compile(r"^[$€£]?\d[\d,.]*(?:%|k|m|x|/10|/5|pts?|pp)?$")
# Superlative praise with a time frame: "the clearest report he's read all year"
_SUPERLATIVE_FRAMES = (("all", "year"), ("in", "years"), ("all", "quarter"), ("in", "ages"),
                       ("in", "a", "long", "time"), ("in", "my", "career"), ("ever",))
_INTERJECTIONS = frozenset({
    "great", "wonderful", "perfect", "fantastic", "brilliant", "lovely", "awesome", "super",
    "terrific", "marvellous", "marvelous", "fabulous", "excellent", "nice", "splendid",
    "superb", "amazing", "yay", "joy"})
_IRONY_FILLERS = frozenset({"just", "oh", "so", "how", "really", "well", "thanks", "yeah",
                            "wow", "what", "a", "surprise"})
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
_AGAIN_ONLY = frozenset({"again", "yet", "once", "and", "of", "course"})
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
_N_SCALAR = -0.74
_CAPS_INCR = 0.733
_MAX_CHARS = 200_000


def normalize(score: float, alpha: float = 15.0) -> float:
    """Map an unbounded valence sum into -1..1 (VADER's normalisation)."""
    return score / math.sqrt(score * score + alpha)


def _punct_emphasis(text: str) -> float:
    excl = min(text.count("!"), 4) * 0.292
    qm = text.count("?")
    return excl + (0.0 if qm <= 1 else (qm * 0.18 if qm <= 3 else 0.96))


def _tokenize(text: str, start: int, end: int, known: dict[str, float]
              ) -> tuple[list[str], list[int], list[int], list[bool]]:
    """Words of text[start:end] with punctuation stripped, their offsets and clause ends."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    breaks: list[bool] = []
    for m in _TOKEN_RE.finditer(text, start, end):
        raw = m.group()
        word = raw.strip(_PUNCT)
        if len(word) <= 2 and word != raw and raw.lower() in known:
            word = raw  # emoticon such as :) or :D or D:
        if not word:
            if raw in ("-", "--", "—", "–") and breaks:
                breaks[-1] = True
            continue
        left = m.start() + raw.find(word)
        words.append(word)
        starts.append(left)
        ends.append(left + len(word))
        breaks.append(raw.endswith(_CLAUSE_END[:5]))
    return words, starts, ends, breaks


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END_RE.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text) and text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def _score_sentence(text: str, start: int, end: int, lex: Lexicons
                    ) -> tuple[float, list[tuple[int, int, float]], str]:
    """Valence sum of one sentence, its scored spans, and its first word (lower case)."""
    words, starts, ends, breaks = _tokenize(text, start, end, lex.words)
    n = len(words)
    if not n:
        return 0.0, [], "", 0
    low = [w.lower() for w in words]
    lexwords, phrases, boosters, negations = lex.words, lex.phrases, lex.boosters, lex.negations
    negated_words = lex.negated
    caps_differ = any(w.isupper() for w in words) and not all(w.isupper() for w in words if w.isalpha())
    vals = [0.0] * n
    neg_vals: list[float | None] = [None] * n  # valence when negated, where it is not -0.74 x
    span_end = list(range(n))  # index of the last token of the term starting at i
    known = [False] * n
    i = 0
    while i < n:
        w = low[i]
        cands = phrases.get(w)
        if cands:
            for k, by_rest in cands:
                found = by_rest.get(tuple(low[i + 1:i + 1 + k]))
                if found is not None:
                    valence, negated_valence = found
                    vals[i] = valence
                    neg_vals[i] = negated_valence
                    known[i] = True
                    span_end[i] = i + k
                    for j in range(i + 1, i + 1 + k):
                        known[j] = True
                        span_end[j] = -1
                    i += k
                    break
            else:
                cands = None
            if cands:
                i += 1
                continue
        if w in boosters:
            known[i] = True
        else:
            v = lexwords.get(w)
            if v is None:
                v = lex.emoji.get(w)
            if v is not None:
                known[i] = True
                vals[i] = v
                if w in negated_words:
                    neg_vals[i] = negated_words[w]
        i += 1

    if not _BLOCKERS.isdisjoint(low):
        _apply_blocker_objects(low, breaks, vals, known, span_end)

    lowset = set(low)
    scope_neg = _negation_scope_marks(low, breaks, negations) \
        if ("anything" in lowset or "any" in lowset or "enough" in lowset) else None
    scored: list[tuple[int, int, float]] = []
    total = 0.0
    subject_negation = False  # "Nobody from their side showed up": negates the clause's verb
    for i in range(n):
        w = low[i]
        if w in _SUBJECT_NEGATIONS or (w == "no" and i + 1 < n and low[i + 1] == "one") or \
                (w == "none" and i + 1 < n and low[i + 1] == "of"):
            # a report ("nobody replied"), not a rule or wish ("no one should go into debt")
            after = low[i + 2] if w != "nobody" and w != "noone" and i + 2 < n else \
                (low[i + 1] if i + 1 < n else "")
            subject_negation = after not in _MODALS
        v = vals[i]
        if (not v and neg_vals[i] is None) or span_end[i] < 0:
            if breaks[i]:
                subject_negation = False
            continue
        if caps_differ and words[i].isupper():
            v += _CAPS_INCR if v > 0 else -_CAPS_INCR
        negated = False
        # boosters up to three words back, negations up to four, never across a clause break
        for back in (1, 2, 3, 4):
            j = i - back
            if j < 0 or breaks[j] or span_end[j] < 0:
                break
            prev = low[j]
            if back == 4 and prev != "without":
                break  # only "without" reaches four words: "without asking for a discount"
            if prev in negations or prev in _EXTRA_NEGATIONS or prev == "no" or prev.endswith("n't"):
                if prev == "never" and v > 0 and _is_never_comparison(low, j, i):
                    break  # "never had a smoother kickoff": praise, not negation
                negated = True
                break
            if prev == "least" and (j == 0 or low[j - 1] not in ("at", "very")):
                negated = True
                break
            if back == 4:
                break
            if v > 0 and prev in _BLOCKERS:
                v = 0.0
                break
            if vals[j] and known[j]:
                continue  # a sentiment word is not a modifier of its neighbour
            b = boosters.get(prev)
            if b is not None:
                b = b if v > 0 else -b
                if caps_differ and words[j].isupper():
                    b += _CAPS_INCR if v > 0 else -_CAPS_INCR
                v += b * (1.0, 0.95, 0.9)[back - 1]
        if not negated and subject_negation and w not in _SUBJECT_NEGATIONS:
            negated = True
        if not negated and scope_neg is not None and scope_neg[i]:
            negated = True
        if negated:
            subject_negation = False
            v = neg_vals[i] if neg_vals[i] is not None else v * _N_SCALAR
        # "no" followed by a sentiment word negates it instead of counting itself
        if w == "no" and i + 1 < n and known[i + 1] and span_end[i] == i:
            v = 0.0
        vals[i] = v
        if breaks[i]:
            subject_negation = False

    _apply_biz12_rules(text, start, end, starts, low, lowset, breaks, vals, known, span_end, lex)
    if "initially" in lowset or "first" in lowset:
        _apply_initial_state(low, breaks, vals)
    if not _RESOLUTION.isdisjoint(lowset):
        _apply_resolution(low, vals)
    if not _PENDING.isdisjoint(lowset):
        _apply_pending(low, breaks, vals)
    _apply_contrast(low, breaks, vals)
    for i in range(n):
        v = vals[i]
        if v and span_end[i] >= 0:
            total += v
            scored.append((starts[i], ends[span_end[i]], v))
    irony = 0
    if lowset <= _INTERJECTIONS | _IRONY_FILLERS and not _INTERJECTIONS.isdisjoint(lowset):
        irony = 2 if "just" in lowset else 1  # "Great, just great." / "Wonderful."
    elif lowset <= _AGAIN_ONLY and "again" in lowset:
        irony = 3  # "Again." after bad news
    return total, scored, low[0], irony


def _negation_scope_marks(low: list[str], breaks: list[bool], negations: frozenset[str]
                          ) -> list[bool]:
    """Words whose negation comes from further back: "hasn't delivered anything of value",
    "wasn't satisfied enough to recommend us"."""
    n = len(low)
    marks = [False] * n
    for i, w in enumerate(low):
        if w in ("anything", "any"):
            reach, first = 3, i + 1
        elif w == "enough" and i + 1 < n and low[i + 1] == "to":
            reach, first = 4, i + 2
        else:
            continue
        negated = False
        for j in range(i - 1, max(-1, i - 5), -1):
            if breaks[j]:
                break
            p = low[j]
            if p in negations or p == "no" or p.endswith("n't") or p in _EXTRA_NEGATIONS:
                negated = True
                break
        if negated:
            for k in range(first, min(n, first + reach)):
                marks[k] = True
                if breaks[k]:
                    break
    return marks


def _is_number(word: str) -> bool:
    return bool(_NUMBER_RE.match(word))


def _number_value(word: str) -> float | None:
    digits = word.strip("$€£").rstrip("%kmxp").replace(",", "").split("/")[0]
    try:
        return float(digits)
    except ValueError:
        return None


def _apply_biz12_rules(text: str, start: int, end: int, starts: list[int], low: list[str],
                       lowset: set[str], breaks: list[bool], vals: list[float],
                       known: list[bool], span_end: list[int], lex: Lexicons) -> None:
    """biz-1.2 mechanisms, each gated by a cheap set test (in place)."""
    n = len(low)
    if not _TOPIC_WORDS.isdisjoint(lowset):
        _apply_topics(low, breaks, vals, span_end)
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
                if _is_number(nxt) or nxt in ("half", "part", "partial", "some") or (
                        nxt == "a" and i + 2 < n and low[i + 2] in
                        ("fraction", "portion", "third", "quarter", "part")):
                    vals[i] = -2.0  # "paid, but only 60% of the invoice"
                    known[i] = True
    if not _DURATION_UNITS.isdisjoint(lowset) and not _WAIT_OBJECTS.isdisjoint(lowset) \
            and not any(v > 0 for v in vals):
        for k in range(2, n):
            if low[k] in _DURATION_UNITS and low[k - 2] in ("for", "after", "over") and \
                    span_end[k] == k and (_is_number(low[k - 1]) or low[k - 1] in _NUMBER_WORDS):
                vals[k] = -1.5  # "the invoice has been in the system for 70 days"
                known[k] = True
                break
    if not _SUPERLATIVE_SET.isdisjoint(lowset):
        _apply_superlatives(low, lowset, vals, known, span_end, lex)
    if "oh" in lowset:
        for k in range(n - 1):
            if low[k] == "oh" and low[k + 1] in _INTERJECTIONS and vals[k + 1] > 0 and \
                    not any(v > 0 for v in vals[k + 2:]) and (
                    any(v < 0 for v in vals) or not _MORE_OF_IT.isdisjoint(low[k + 2:])):
                vals[k + 1] = -vals[k + 1]  # "Oh wonderful, another change request"
    if n > 2 and low[0] in _INTERJECTIONS and breaks[0] and low[1] == "just" and vals[0] > 0:
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
    if not _BLOCKERS.isdisjoint(lowset):
        for i, w in enumerate(low):
            if w in _BLOCKERS and i > 0 and low[i - 1] not in _PRONOUNS:
                for j in range(i - 1, max(-1, i - 4), -1):
                    if breaks[j] or low[j] in _PRONOUNS or low[j] in _CLAUSE_JOINERS:
                        break
                    if vals[j] > 0 and low[j] in _GOOD_NEWS_NOUNS:
                        vals[j] = 0.0  # "testimonial request declined", "renewal was rejected"
    if '"' in text[start:end] or "\u201c" in text[start:end]:
        _apply_scare_quotes(text, start, end, starts, low, vals, known, span_end)


def _apply_topics(low: list[str], breaks: list[bool], vals: list[float],
                  span_end: list[int]) -> None:
    """Loaded nouns that are only the subject matter of routine work are neutral: "reviewed
    the termination clause", "churn analysis", "a slide on the failed rollout" (in place)."""
    n = len(low)
    governed = [False] * n
    clause_start = 0
    for i in range(n):
        w = low[i]
        if (i == clause_start or (i == clause_start + 1 and low[clause_start] in
                                  _SUBJECT_STARTERS)) and w in _ROUTINE_VERBS:
            parts = _ROUTINE_PARTICLES.get(w)
            if parts is None or (i + 1 < n and low[i + 1] in parts):
                k = i
                while k < n:
                    governed[k] = True
                    if breaks[k]:
                        break
                    k += 1
        if breaks[i]:
            clause_start = i + 1
    context = False
    for marker in _TOPIC_CONTEXT:
        m = len(marker)
        if marker[0] in low and any(tuple(low[k:k + m]) == marker for k in range(n - m + 1)):
            context = True
            break
    for i, w in enumerate(low):
        if w not in _TOPIC_WORDS or not vals[i] or span_end[i] < 0:
            continue
        if context or governed[i] or _in_work_compound(low, breaks, vals, span_end, i):
            vals[i] *= _TOPIC_DAMP


def _in_work_compound(low: list[str], breaks: list[bool], vals: list[float],
                      span_end: list[int], i: int) -> bool:
    n = len(low)
    # forward: "complaint process", "debt collection policy slide", "bug triage call"
    j = max(i, span_end[i]) + 1
    if not breaks[j - 1]:
        while j < n and j <= i + 3:
            w = low[j]
            if w in _WORK_HEADS:
                return True
            if w in _FUNCTION or (vals[j] and w not in _TOPIC_WORDS):
                break
            if breaks[j]:
                break
            j += 1
    # backward: "a slide on the failed rollout", "list of known bugs", "report on the outage"
    for j in range(i - 1, max(-1, i - 5), -1):
        w = low[j]
        if breaks[j]:
            return False
        if w in _TOPIC_LINKS:
            return j > 0 and not breaks[j - 1] and low[j - 1] in _WORK_HEADS
        if w in _DETERMINERS or w in _TOPIC_WORDS or (not vals[j] and w not in _FUNCTION):
            continue
        return False
    return False


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
            a, b = _number_value(low[i + 1]), _number_value(low[i + 3])
            if a is not None and b is not None and _is_number(low[i + 1]) and \
                    _is_number(low[i + 3]) and a != b:
                direction, at = (1 if b > a else -1), i
                break
        if w in _UP_WORDS or w in _DOWN_WORDS:
            if w in ("up", "down", "higher", "lower"):
                nxt = low[i + 1] if i + 1 < n else ""
                prev = low[i - 1] if i else ""
                if not (prev in _COPULAS or i - 1 == metric or _is_number(nxt) or nxt in ("from", "by", "sharply", "again", "markedly",
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


def _is_never_comparison(low: list[str], j: int, i: int) -> bool:
    """True for "never seen them this engaged", "never had a smoother launch"."""
    between = low[j + 1:i]
    word = low[i]
    return (not _COMPARISON_WORDS.isdisjoint(between) or word.endswith(("er", "est"))
            or word in ("better", "best"))


def _apply_blocker_objects(low: list[str], breaks: list[bool], vals: list[float],
                           known: list[bool], span_end: list[int]) -> None:
    """A stopping verb aimed at the engagement is bad news: "cut our hours", "pulled the
    second phase", "reduce the retainer" (in place)."""
    n = len(low)
    for i, w in enumerate(low):
        if w not in _BLOCKERS or vals[i] or span_end[i] != i:
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
                vals[j] *= _BEFORE_SCALE
                j += 1
            if j < n:
                j += 1
            for k in range(0, i):
                vals[k] *= _AFTER_SCALE
            for k in range(j, n):
                vals[k] *= _AFTER_SCALE
            return
        if w in _AFTER_MARKERS and i > 0:
            for k in range(i):
                vals[k] *= _BEFORE_SCALE
            for k in range(i + 1, n):
                vals[k] *= _AFTER_SCALE
            return


_BALANCE_RE = re.compile(
    r"\b(?:net zero|mixed bag|mixed results|mixed picture|swings and roundabouts|"
    r"evens? out|evened out|balanced out|cancels? (?:each other )?out|"
    r"(?:about|roughly|more or less|pretty much|overall|broadly|largely|basically)(?: about)? "
    r"(?:as expected|as planned|on plan|what (?:we|i) expected|where (?:we|i) expected))\b",
    re.IGNORECASE)
_BALANCE_SCALE = 0.1
# Learned layer: polarity given to a note whose label it overrides
_LEARNED_NEUTRAL = 0.04   # |polarity| of a note moved to neutral (keeps its sign)
_LEARNED_MIN = 0.1        # least |polarity| of a note moved to positive/negative
_LEARNED_SCALE = 0.6      # x (P(positive) - P(negative))
_LEARNED_DAMP = 0.25      # sentences that disagree with an overridden verdict
_LEARNED_TERMS = 2        # learned words added as terms to the sentence that carries it
_LEARNED_TERM_MIN = 0.3   # least class-weight difference for a learned word to be a term


def _apply_irony(results: list, ironies: list[tuple[int, int]]) -> None:
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


def analyze_rules(text: str) -> Sentiment:
    """The rule engine alone (no learned layer): what biz-1.2 returned, with today's version."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    lex = get_lexicons()
    work = text[:_MAX_CHARS]
    if _CONTROL_RE.search(work):
        work = _CONTROL_RE.sub(" ", work)  # same length, so offsets still point into text
    sentence_results: list[tuple[int, int, float, list[tuple[int, int, float]]]] = []
    ironies: list[tuple[int, int]] = []
    for s_start, s_end in _sentence_spans(work):
        total, scored, first, irony = _score_sentence(work, s_start, s_end, lex)
        if irony:
            ironies.append((len(sentence_results), irony))
        if first in _SENTENCE_CONTRAST and sentence_results:
            # "... . However, they want a discount." - the later sentence carries the verdict
            sentence_results = [(a, b, t * _BEFORE_SCALE, sc) for a, b, t, sc in sentence_results]
            total *= _AFTER_SCALE
        sentence_results.append((s_start, s_end, total, scored))
    if ironies:
        _apply_irony(sentence_results, ironies)
    grand = sum(r[2] for r in sentence_results)
    if grand and _BALANCE_RE.search(work):
        grand *= _BALANCE_SCALE  # "some things went well, some didn't, overall as expected"
    emphasis = _punct_emphasis(work)
    grand += emphasis if grand > 0 else (-emphasis if grand < 0 else 0.0)
    polarity = normalize(grand) if grand else 0.0
    sentences = tuple(
        SentenceScore(a, b, normalize(t) if t else 0.0,
                      tuple(Term(ts, te, text[ts:te], round(v / 4.0, 4)) for ts, te, v in sc))
        for a, b, t, sc in sentence_results)
    return Sentiment(polarity, label_for(polarity), sentences, ANALYZER_VERSION)


def analyze_many(texts: Iterable[str]) -> list[Sentiment]:
    """Score many notes (same results as calling :func:`analyze` on each)."""
    return [analyze(t) for t in texts]


def analyze(text: str) -> Sentiment:
    """Score one note: the rule engine, then the learned note layer (see
    :mod:`sentiment.learned`) where it is confident. Never raises for any ``str``;
    non-strings are converted with str()."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    rules = analyze_rules(text)
    model = get_model()
    if model is None or not rules.sentences:
        return rules
    return combine(rules, text[:_MAX_CHARS], model)


def combine(rules: Sentiment, text: str, model: NoteModel) -> Sentiment:
    """The rule result, with its label overridden where the learned layer is confident."""
    pos = neg = 0.0
    for s in rules.sentences:
        for t in s.terms:
            if t.weight > 0:
                pos += t.weight
            else:
                neg -= t.weight
    feats, tokens = learned_features(text, rules.polarity, rules.label, pos, neg,
                                     len(rules.sentences))
    if not tokens or model.known_words(tokens) < model.min_coverage * len(tokens):
        return rules  # not business-note vocabulary: the rules' score stands
    probs = model.scores(feats)
    best = max(range(3), key=probs.__getitem__)
    target = LEARNED_CLASSES[best]
    if target == rules.label or probs[best] < model.threshold:
        return rules
    # a clear rule verdict is not overturned: only weak or near-neutral scores are re-read
    if abs(rules.polarity) > (model.neutral_max if target == "neutral" else model.flip_max):
        return rules
    old = rules.polarity
    if target == "neutral":
        new = math.copysign(min(abs(old), _LEARNED_NEUTRAL), old) if old else 0.0
        scale = new / old if old else 0.0
        sentences = tuple(SentenceScore(s.start, s.end, s.polarity * scale, s.terms)
                          for s in rules.sentences)
        return Sentiment(new, label_for(new), sentences, ANALYZER_VERSION)
    sign = 1.0 if target == "positive" else -1.0
    new = sign * max(_LEARNED_MIN, abs(probs[0] - probs[2]) * _LEARNED_SCALE)
    source = LEARNED_CLASSES.index(rules.label)
    return Sentiment(new, label_for(new),
                     _learned_sentences(rules, text, model, best, source, sign, new),
                     ANALYZER_VERSION)


def _learned_sentences(rules: Sentiment, text: str, model: NoteModel, target: int,
                       source: int, sign: float, new: float) -> tuple[SentenceScore, ...]:
    """Sentences after the learned layer moved the note to positive/negative: sentences that
    disagree are damped, the sentence with the most learned evidence carries the verdict and
    its strongest learned words become terms (so highlighting shows what drove the label)."""
    spans = learned_word_spans(text)
    best_k, best_ev = len(rules.sentences) - 1, 0.0
    picks: list[list[tuple[float, int, int]]] = []
    for k, s in enumerate(rules.sentences):
        taken = [(t.start, t.end) for t in s.terms]
        found = []
        for a, b, tok in spans:
            if (a >= s.start and b <= s.end and tok not in _FUNCTION and tok != "<num>"
                    and len(tok) > 2 and not any(a < te and b > ts for ts, te in taken)):
                ev = model.evidence(tok, target, source)
                if ev > _LEARNED_TERM_MIN:
                    found.append((ev, a, b))
        found.sort(reverse=True)
        picks.append(found[:_LEARNED_TERMS])
        total = sum(ev for ev, _, _ in found)
        if total > best_ev:
            best_k, best_ev = k, total
    out = []
    for k, s in enumerate(rules.sentences):
        pol = s.polarity
        if pol * sign < 0:
            pol *= _LEARNED_DAMP
        terms = s.terms
        if k == best_k:
            if pol * sign < abs(new):
                pol = new
            extra = tuple(Term(a, b, text[a:b], round(sign * min(1.0, ev / 4.0), 4))
                          for ev, a, b in sorted(picks[k], key=lambda x: x[1]))
            terms = tuple(sorted(terms + extra, key=lambda t: t.start))
        out.append(SentenceScore(s.start, s.end, pol, terms))
    return tuple(out)
