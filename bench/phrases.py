"""Building blocks for synthetic consultant notes: varied business phrasing by mood.

Sentences are assembled from templates with slots, so 200,000 notes do not repeat a handful of
strings (which would make FTS, the sentiment engine's caches and SQLite's page cache look
better than real data would).
"""
from __future__ import annotations

import random

FIRST = ("Anna", "Ben", "Carla", "David", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jonas",
         "Kemal", "Lena", "Mateo", "Nadia", "Olu", "Paula", "Quentin", "Rosa", "Sven", "Tara",
         "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Amir", "Bianca", "Chen", "Dmitri",
         "Esther", "Farid", "Gwen", "Hugo", "Ida", "Jamal", "Kaja", "Liam", "Mira", "Noah",
         "Oskar", "Priya", "Rafael", "Saanvi", "Tomas", "Ulla", "Viktor", "Wanda", "Yara", "Zainab")
LAST = ("Novak", "Schmidt", "Okafor", "Tanaka", "Garcia", "Lindqvist", "Haddad", "Mehta",
        "Walsh", "Becker", "Rossi", "Dubois", "Kowalski", "Nguyen", "Silva", "Murphy", "Jensen",
        "Petrov", "Yilmaz", "Andersen", "Costa", "Fischer", "Moreau", "Kim", "Ali", "Brown",
        "Khan", "Lopez", "Meyer", "Oliveira", "Park", "Quinn", "Reyes", "Sato", "Torres",
        "Ueda", "Vogel", "Weber", "Young", "Zimmer", "Hoffmann", "Ivanova", "Jovanovic",
        "Larsen", "Morales", "Nakamura", "Ortiz", "Pereira", "Richter", "Svensson")
CO_A = ("North", "Blue", "Summit", "Cedar", "Harbor", "Iron", "Silver", "Pine", "Atlas",
        "Crescent", "Delta", "Evergreen", "Falcon", "Granite", "Horizon", "Juniper", "Keystone",
        "Lumen", "Maple", "Nova", "Orchid", "Pioneer", "Quarry", "Redwood", "Sterling")
CO_B = ("Analytics", "Logistics", "Health", "Foods", "Capital", "Energy", "Retail", "Software",
        "Partners", "Labs", "Systems", "Consulting", "Media", "Manufacturing", "Insurance",
        "Pharma", "Mobility", "Legal", "Design", "Networks")
CO_C = ("Ltd", "GmbH", "Inc", "LLC", "AG", "BV", "SA", "Group", "& Co", "")

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
TOPICS = ("the data migration", "the Q3 roadmap", "the pricing model", "the EMEA rollout",
          "the onboarding flow", "the vendor consolidation", "the reporting dashboards",
          "the security review", "the board pack", "the change request", "the pilot",
          "the renewal", "the statement of work", "the integration with SAP",
          "the hiring plan", "the cost model", "the customer survey", "the support backlog",
          "the API contract", "the warehouse move", "the training programme")
PEOPLE = ("the CFO", "their COO", "the procurement lead", "their legal team", "the CTO",
          "the new VP of sales", "the project sponsor", "their finance team", "the board",
          "the head of support", "the programme manager", "the founder")
NUMBERS = ("10%", "15%", "20%", "a third", "half", "two weeks", "three months", "net 60",
           "net 90", "40 users", "120 seats", "EUR 80k", "USD 250k", "six sprints")

POSITIVE = (
    "The workshop on {topic} went really well and {person} wants to move faster.",
    "{person} thanked us for the quick turnaround on {topic}.",
    "Great call: they are happy with {topic} and asked about a second phase.",
    "Signed the extension for {num}; very smooth negotiation.",
    "Feedback on the draft of {topic} was glowing, only minor wording changes.",
    "Payment arrived early and {person} said the team has been a pleasure to work with.",
    "They loved the proposal for {topic} and introduced us to {person}.",
    "Pilot results beat the target by {num}, so they want to present them to the board.",
    "Warm lunch with {person}; she hinted at consolidating more work with us.",
    "Smooth go-live of {topic} with zero downtime, users barely noticed.",
    "Excellent progress on {topic}; the team is motivated and engaged.",
    "{person} praised our analysis of {topic} in front of the whole steering group.",
    "Very productive session, clear decisions and a confident plan for {topic}.",
    "Delighted client: the savings from {topic} came in at {num}.",
    "Trust is clearly growing, they now share {topic} plans with us early.",
)
NEUTRAL = (
    "Scheduled the planning session for {topic} on {day}; agenda to follow.",
    "Sent the updated statement of work to {person} for review.",
    "Monthly status meeting: covered timeline, open risks and staffing for {topic}.",
    "Left a voicemail about {topic}; will follow up by email on {day}.",
    "Walked through the checklist for {topic}; next step is a dry run on staging.",
    "They asked for the invoice to be re-issued with their new VAT number.",
    "Reviewed the usage report: {num} active, roughly flat versus last month.",
    "{person} will be out until {day}, so the review of {topic} moves a week.",
    "Agreed to revisit {topic} once the budget cycle closes.",
    "Shared the minutes and the action items for {topic}.",
    "Quick sync with {person} about {topic} and the dependencies on their side.",
    "They want a short written summary of {topic} before the next call.",
    "Discussed the timeline for {topic}; the estimate stays at {num}.",
    "Action item: send {person} the revised plan for {topic} by {day}.",
    "Logistics call about travel for the on-site visit next month.",
)
NEGATIVE = (
    "The invoice for {topic} is {num} overdue and finance is not returning our emails.",
    "Scope creep again on {topic}: more dashboards, no change request, same deadline.",
    "{person} escalated the outage to our VP and is asking for service credits.",
    "Tense meeting, they questioned every line of the estimate for {topic}.",
    "{person} said the last two deliverables were not what they asked for.",
    "They want a {num} discount on the renewal and pushed payment terms out.",
    "Missed three scheduled calls in a row and no reply to the proposal on {topic}.",
    "Angry email late at night about the delayed report on {topic}.",
    "Budget cut by {num} and our retainer is under review.",
    "Their new CTO is evaluating two competitors and paused {topic}.",
    "Frustrating call: {person} blamed us for delays that were caused by their side.",
    "Serious concerns about quality on {topic}; they are unhappy and disappointed.",
    "The relationship feels strained, {person} was curt and dismissive.",
    "Complaint about billing again, and a threat to terminate if {topic} slips.",
    "Poor turnout at the workshop and nobody had read the pre-read on {topic}.",
)
MIXED = (
    "Frustrated about the delayed invoice at first, but agreed to extend the contract.",
    "The remediation plan for {topic} landed well; they said trust is coming back.",
    "Could have been worse: they accepted the revised timeline and thanked us for the honesty.",
    "Although the demo of {topic} had glitches, {person} liked the direction.",
    "Good progress on {topic}, however procurement is still blocking the PO.",
)
# A rare word for the rare-word search case: a handful of notes mention it.
RARE_WORD = "zeppelinfield"
RARE_SENTENCE = "Side note: {person} mentioned the Zeppelinfield offsite again."


def company(rng: random.Random) -> str:
    return " ".join(p for p in (rng.choice(CO_A), rng.choice(CO_B), rng.choice(CO_C)) if p)


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def sentence(pool: tuple[str, ...], rng: random.Random) -> str:
    text = rng.choice(pool).format(topic=rng.choice(TOPICS), person=rng.choice(PEOPLE),
                                   num=rng.choice(NUMBERS), day=rng.choice(DAYS))
    return text[0].upper() + text[1:]


def note_text(mood: float, rng: random.Random, rare: bool = False) -> str:
    """1-6 sentences whose balance follows ``mood`` (-1 sour .. +1 warm)."""
    n = rng.choices((1, 2, 3, 4, 5, 6), weights=(20, 28, 22, 14, 10, 6))[0]
    p_pos = max(0.02, 0.30 + 0.45 * mood)
    p_neg = max(0.02, 0.30 - 0.45 * mood)
    parts = []
    for _ in range(n):
        r = rng.random()
        if r < 0.06:
            pool = MIXED
        elif r < 0.06 + p_pos:
            pool = POSITIVE
        elif r < 0.06 + p_pos + p_neg:
            pool = NEGATIVE
        else:
            pool = NEUTRAL
        parts.append(sentence(pool, rng))
    if rare:
        parts.insert(rng.randrange(len(parts) + 1), sentence((RARE_SENTENCE,), rng))
    # Some notes are typed as bullet-ish lines, most as one paragraph.
    return ("\n".join(parts) if rng.random() < 0.15 else " ".join(parts))
