"""Topic vs event (biz-1.2): loaded nouns that are only the subject matter of routine work.

"Reviewed the termination clause", "churn analysis", "a slide on the failed rollout" or
"... for context" mention a problem without reporting one: :func:`apply_topics` damps such
words when a routine work verb opens their clause, when they sit in a compound with a work
noun ("complaint process") or are linked to one ("report on the outage"), or when the
sentence says it is background. Also holds ``FUNCTION_WORDS``, the function words the topic
test and the learned layer's term picking skip.
"""
from __future__ import annotations

# Topic vs event: loaded nouns that are often only the subject matter of routine work
# ("the complaint process", "churn analysis", "termination clause").
TOPIC_WORDS = frozenset({
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
FUNCTION_WORDS = frozenset({
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


def apply_topics(low: list[str], breaks: list[bool], vals: list[float],
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
        if w not in TOPIC_WORDS or not vals[i] or span_end[i] < 0:
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
            if w in FUNCTION_WORDS or (vals[j] and w not in TOPIC_WORDS):
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
        if w in _DETERMINERS or w in TOPIC_WORDS or (not vals[j] and w not in FUNCTION_WORDS):
            continue
        return False
    return False

