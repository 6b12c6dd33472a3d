"""Sample journal: a dozen made-up clients whose histories show every kind of trend.

Used by "Open sample data" on first run, by the screenshot script and by tests. Dates are
placed relative to today so the sample always looks current. Deterministic for a given day.
"""
from __future__ import annotations

import datetime as dt
import random

from models.aggregates import refresh_contacts
from models.contacts import add_contact
from models.db import db
from models.notes import ts
from models.scoring import score_many

GOOD = [
    "Quarterly review went well; they said the team has been a pleasure to work with.",
    "Signed the renewal for another year and asked about adding the analytics module.",
    "Great workshop with the leadership team. They loved the roadmap and want to move faster.",
    "Payment arrived early this month. Thanked us for the quick turnaround on the report.",
    "She introduced us to their CFO, who wants a proposal for the EMEA rollout.",
    "No complaints from procurement this time, and the PO was issued on schedule.",
    "Feedback on the draft was glowing; only minor wording changes requested.",
    "Lunch with the COO: warm conversation, and she hinted at consolidating vendors with us.",
    "Pilot numbers came in above target. They want to present the results to the board.",
    "Smooth go-live, zero downtime. Users barely noticed the switch.",
]
NEUTRAL = [
    "Scheduled the Q3 planning session for the 14th; agenda to follow.",
    "Sent the updated statement of work to their legal team for review.",
    "Monthly status meeting. Covered timeline, open risks and staffing.",
    "Left a voicemail about the renewal date; will follow up by email on Friday.",
    "Walked through the data migration checklist; next step is a dry run on staging.",
    "They asked for the invoice to be re-issued with their new VAT number.",
    "Reviewed the usage report: 42 active users, roughly flat versus last month.",
]
BAD = [
    "Invoice is now 60 days overdue and finance is not returning our emails.",
    "Scope creep again: they keep adding dashboards without a change request and expect the same deadline.",
    "Client escalated the outage to our VP and is asking for service credits.",
    "Their new CTO is evaluating two competitors and paused the expansion.",
    "Tense meeting - they questioned every line of the estimate.",
    "He said the last two deliverables were not what they asked for.",
    "They want a 15% discount on the renewal and pushed payment terms to net 90.",
    "Missed three scheduled calls in a row and no reply to the proposal.",
    "Angry email at 11pm about the delayed report. Copied my boss.",
    "Budget cut by 40% and our retainer is under review.",
]
RECOVER = [
    "Frustrated about the delayed invoice at first, but agreed to extend the contract.",
    "The remediation plan landed well; they said trust is coming back.",
    "Could have been worse - they accepted the revised timeline and thanked us for the honesty.",
]

# name, company, role, tags, shape of the history (oldest -> newest), notes per year
CLIENTS = [
    ("Priya Raman", "Northwind Analytics", "VP Operations", "retainer, analytics", "good", 18),
    ("Marcus Bell", "Bellweather Logistics", "CEO", "strategy", "souring", 14),
    ("Dana Okafor", "Okafor & Partners", "Managing Partner", "legal, referral", "recovering", 16),
    ("Kevin Hart", "Summit Retail", "Head of Support", "support", "grumpy", 12),
    ("Sarah Lindqvist", "Fjord Health", "CIO", "healthcare, retainer", "warming", 15),
    ("Tom Becker", "Becker Bau GmbH", "Owner", "construction", "outlier", 10),
    ("Aiko Tanaka", "Kumo Software", "Product Director", "saas", "steady", 9),
    ("Raj Mehta", "Mehta Foods", "COO", "retail, referral", "recent_drop", 13),
    ("Elena García", "Solara Energía", "Programme Manager", "energy", "good", 8),
    ("Leo Fischer", "Procure Direct", "Procurement Lead", "procurement", "neutral", 6),
    ("Jenna Walsh", "Walsh Creative", "Founder", "design, small", "souring", 7),
    ("Omar Haddad", "Cedar Capital", "Partner", "finance", "warming", 5),
]


def _pick(shape: str, i: int, n: int, rng: random.Random) -> str:
    pos = i / max(1, n - 1)
    if shape == "good":
        pool = GOOD if rng.random() < 0.75 else NEUTRAL
    elif shape == "souring":
        pool = GOOD if pos < 0.86 else (BAD if rng.random() < 0.85 else NEUTRAL)
    elif shape == "recovering":
        pool = GOOD if pos < 0.45 else (BAD if pos < 0.86 else (RECOVER if rng.random() < 0.4 else GOOD))
    elif shape == "grumpy":
        pool = BAD if rng.random() < 0.85 else NEUTRAL
    elif shape == "warming":
        pool = (BAD if rng.random() < 0.6 else NEUTRAL) if pos < 0.86 else GOOD
    elif shape == "outlier":
        pool = BAD if i == n // 2 else (GOOD if rng.random() < 0.7 else NEUTRAL)
    elif shape == "recent_drop":
        pool = BAD if i >= n - 3 else (GOOD if rng.random() < 0.7 else NEUTRAL)
    elif shape == "neutral":
        pool = NEUTRAL
    else:
        pool = GOOD + GOOD + NEUTRAL + NEUTRAL + BAD
    return rng.choice(pool)


def load_sample(today: dt.date | None = None, years: float = 2.0) -> int:
    """Add the sample clients and their notes; returns how many notes were added."""
    today = today or dt.date.today()
    rng = random.Random(20261123)
    kinds = ["meeting", "meeting", "call", "call", "email", "message"]
    planned = []
    for name, company, role, tags, shape, per_year in CLIENTS:
        n = max(4, int(per_year * years))
        span_days = int(365 * years)
        offsets = sorted(rng.sample(range(3, span_days), n), reverse=True)
        notes = []
        for i, back in enumerate(offsets):
            when = dt.datetime.combine(today - dt.timedelta(days=back),
                                       dt.time(rng.choice([9, 10, 11, 14, 15, 16]), rng.choice([0, 30])))
            kind = rng.choice(kinds)
            duration = rng.choice([30, 45, 60, 90]) if kind == "meeting" else (
                rng.choice([15, 20, 30]) if kind == "call" else None)
            notes.append((when, kind, _pick(shape, i, n, rng), duration))
        planned.append(((name, company, role, tags), notes))
    texts = [text for _, notes in planned for _, _, text, _ in notes]
    results = iter(score_many(texts))
    added = 0
    with db.atomic():
        ids = []
        for (name, company, role, tags), notes in planned:
            contact = add_contact(name, company=company, role=role, tags=tags,
                                  email=name.split()[0].lower() + "@" + company.split()[0].lower() + ".example",
                                  about=f"{role} at {company}. Sample client.")
            ids.append(contact.id)
            stamp = ts(dt.datetime.now())
            params = []
            for when, kind, text, duration in notes:
                r = next(results)
                params.append((contact.id, ts(when), kind, text, duration, r.polarity, r.label,
                               r.version, r.to_json(), stamp, stamp))
            db.cursor().executemany(
                "INSERT INTO note (contact_id, occurred_at, kind, text, duration_min, polarity, label, "
                "analyzer_version, breakdown, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                params)
            added += len(params)
        refresh_contacts(ids)
    return added
