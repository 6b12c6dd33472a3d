"""The benchmark's results as a table: rows with their targets, printed and as Markdown."""
from __future__ import annotations

TARGETS = {
    "cold_start_ratio": ("<=", 1.5),
    "open_heaviest_ms": ("<=", 150.0),
    "search_ms": ("<=", 50.0),
    "list_sort_filter_ms": ("<=", 50.0),
    "trends_recompute_ms": ("<=", 2000.0),
    "import_notes_per_s": (">=", 5000.0),
    "contact_pdf_s": ("<=", 3.0),
    "peak_rss_mb": ("<=", 300.0),
    "ui_block_ms": ("<=", 100.0),
}


def _fmt(value, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "/s":
        return f"{value:,.0f}/s"
    if unit == "x":
        return f"{value:.2f}x"
    return str(value)


def summary_rows(res: dict) -> list[tuple[str, str, str, str]]:
    """(measurement, value, target, verdict) rows for the table."""
    rows: list[tuple[str, str, str, str]] = []

    def add(name, value, unit, target_key=None, note=""):
        verdict = ""
        target = ""
        if target_key:
            op, limit = TARGETS[target_key]
            target = f"{op} {_fmt(limit, unit)}"
            if isinstance(value, (int, float)):
                ok = value <= limit if op == "<=" else value >= limit
                verdict = "ok" if ok else "MISS"
        shown = _fmt(value, unit) if isinstance(value, (int, float)) or value is None else value
        if len(shown) > 60:
            shown = shown[:57] + "..."
        rows.append((name, shown + (f"  {note}" if note else ""), target, verdict))

    imp = res.get("import", {})
    if imp:
        add("import + score (whole set)", imp.get("notes_per_s"), "/s", "import_notes_per_s",
            f"({imp.get('notes', 0):,} notes in {imp.get('seconds', 0):.1f} s)")
        add("  import peak RSS", imp.get("child_peak_rss_mb"), "MB")
    sc = res.get("scoring", {})
    if sc and "error" not in sc:
        add("engine, 1 core", sc.get("engine_1core_per_s"), "/s")
        add("plain TextBlob, 1 core (same texts)", sc.get("textblob_1core_per_s"), "/s")
        add("engine / TextBlob speed", sc.get("engine_vs_textblob"), "x")
        add("score_many, all cores", sc.get("score_many_all_cores_per_s"), "/s")
    cs = res.get("cold_start", {})
    if cs:
        add("bare QMainWindow start (in process)", cs.get("bare_in_process_s"), "s")
        add("bare QMainWindow start (launch->shown)", cs.get("bare_launch_to_shown_s"), "s")
        if cs.get("na"):
            add("cold start / bare window", cs["na"], "", "cold_start_ratio")
        else:
            add("selftest startup_s", cs.get("selftest_startup_s"), "s")
            add("cold start / bare window", cs.get("ratio"), "x", "cold_start_ratio")
            add("selftest first_contact_s", cs.get("selftest_first_contact_s"), "s")
    q = res.get("queries", {})
    if q and "error" not in q:
        add("heaviest contact: models (timeline+mood+stats)",
            q["open_heaviest_models"]["median_ms"], "ms", None,
            f"({q['heaviest']['notes']:,} notes)")
        add("  timeline(heaviest), all notes", q["timeline_heaviest"]["median_ms"], "ms")
        add("  mood_points(heaviest)", q["mood_points_heaviest"]["median_ms"], "ms")
    ch = res.get("chart_data", {})
    if ch and "na" not in ch and "error" not in ch:
        add("  mood_points + chart data (heaviest)", ch["mood_points_plus_prepare"]["median_ms"], "ms")
    ui = res.get("ui", {})
    wa = "(patched: see qt_workaround)" if ui.get("workaround") else ""
    oh = res.get("open_heaviest_ui", {})
    add("heaviest contact shown with chart (UI)", oh.get("na") or oh.get("error") or oh.get("median_ms"),
        "ms", "open_heaviest_ms", wa)
    if q and "error" not in q:
        for case, data in q["search"].items():
            add(f"search {case} ({data['query']}), {data['hits']} hits", data["median_ms"], "ms",
                "search_ms")
        add("list_contacts() (all rows)", q["list_contacts"]["median_ms"], "ms")
        add("recompute all trends", q["refresh_all_contacts"]["median_ms"], "ms",
            "trends_recompute_ms")
    li = res.get("list", {})
    if li.get("na") or li.get("error"):
        add("relationships list sort/filter", li.get("na") or li.get("error"), "", "list_sort_filter_ms")
    elif li:
        add("list model load (set_contacts)", li.get("set_contacts_ms"), "ms", None,
            f"({li.get('rows', 0):,} rows)")
        add("list sort by trend", li["sort_by_trend"]["median_ms"], "ms", "list_sort_filter_ms")
        add("list sort by name", li["sort_by_name"]["median_ms"], "ms", "list_sort_filter_ms")
        add("list filter, per keystroke", li["filter_text_keystroke"]["median_ms"], "ms",
            "list_sort_filter_ms")
        add("list filter by trend", li["filter_trend"]["median_ms"], "ms", "list_sort_filter_ms")
    if "list_sort_trend" in ui:
        add("main window: list sort by trend", ui["list_sort_trend"]["median_ms"], "ms",
            "list_sort_filter_ms", wa)
        add("main window: list sort by name", ui["list_sort_name"]["median_ms"], "ms",
            "list_sort_filter_ms", wa)
        add("main window: list filter keystroke", ui["list_filter_keystroke"]["median_ms"], "ms",
            "list_sort_filter_ms", wa)
        add("main window: list trend filter", ui["list_filter_trend"]["median_ms"], "ms",
            "list_sort_filter_ms", wa)
        add("main window: search dialog results", ui["search_dialog"]["median_ms"], "ms",
            "search_ms", wa)
    pdf = res.get("pdf", {})
    if pdf.get("na"):
        add("PDF of heaviest contact", pdf["na"], "", "contact_pdf_s")
    elif pdf:
        for label in ("contact", "portfolio summary"):
            d = pdf.get(label, {})
            add(f"PDF {label} (CLI, incl. start-up)", d.get("error") or d.get("wall_s"), "s",
                "contact_pdf_s" if label == "contact" else None)
    rss = res.get("loaded_rss", {})
    if rss and "error" not in rss:
        add("peak RSS, storage side loaded", rss.get("child_peak_rss_mb"), "MB", "peak_rss_mb")
    if cs.get("selftest_peak_rss_mb") and cs.get("selftest_startup_s"):
        add("peak RSS, app (selftest) loaded", cs["selftest_peak_rss_mb"], "MB", "peak_rss_mb")
    blk = res.get("ui_block", {})
    if blk:
        add("UI thread longest block", blk.get("na") or blk.get("error") or blk.get("max_ms"), "ms",
            "ui_block_ms", f"({blk['worst_flow']})" if blk.get("worst_flow") else "")
    return rows


def print_table(rows) -> None:
    widths = [max(len(r[i]) for r in rows + [("measurement", "value", "target", "")]) for i in range(4)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print(line.format("measurement", "value", "target", ""))
    print(line.format(*("-" * w for w in widths)))
    for r in rows:
        print(line.format(*r))


def markdown(rows) -> str:
    out = ["| measurement | value | target | |", "|---|---|---|---|"]
    out += [f"| {a.strip()} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(out)


# --- main -------------------------------------------------------------------------------------

