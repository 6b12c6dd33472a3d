"""Pagination rules, and a long note that must flow over several pages."""
from __future__ import annotations

from pathlib import Path

import models
from ui.reports.flow import Block, Section, paginate

from .conftest import pdf_pages, pdf_text


class Box(Block):
    def __init__(self, height: float, breaks: tuple[float, ...] = (), whole: bool = True,
                 keep: bool = False, header: Block | None = None) -> None:
        self.height, self._breaks, self.prefer_whole = height, breaks, whole
        self.keep_with_next, self.repeat_header = keep, header

    def breaks(self):
        return self._breaks

    def draw(self, painter, x, y, start, end) -> None:
        pass


def test_blocks_fill_pages_in_order() -> None:
    a, b, c = Box(40), Box(40), Box(40)
    pages = paginate([a, b, c], 100, "T")
    assert [[p.block for p in page.items] for page in pages] == [[a, b], [c]]
    assert pages[1].items[0].y == 0


def test_section_starts_a_page_with_its_title() -> None:
    pages = paginate([Box(10), Section("Raj"), Box(10)], 100, "Portfolio")
    assert [p.title for p in pages] == ["Portfolio", "Raj"]


def test_heading_is_kept_with_what_follows() -> None:
    head, body = Box(10, keep=True), Box(50)
    pages = paginate([Box(60), head, body], 100, "T")
    assert [p.block for p in pages[1].items] == [head, body]


def test_table_header_repeats_on_continuation_pages() -> None:
    header = Box(10, keep=True)
    rows = [Box(20, header=header) for _ in range(10)]
    pages = paginate([header, *rows], 100, "T")
    assert len(pages) >= 3
    for page in pages:
        assert page.items[0].block is header
        assert sum(p.end - p.start for p in page.items) <= 100


def test_tall_block_splits_between_lines() -> None:
    lines = tuple(float(y) for y in range(12, 360, 12))
    tall = Box(360, breaks=lines, whole=False)
    pages = paginate([Box(30), tall], 100, "T")
    slices = [p for page in pages for p in page.items if p.block is tall]
    assert slices[0].start == 0 and slices[-1].end == 360
    for before, after in zip(slices, slices[1:]):
        assert before.end == after.start and before.end in lines
    for page in pages:
        assert sum(p.end - p.start for p in page.items) <= 100


def test_long_note_flows_over_pages(qapp, journal: Path, tmp_path: Path) -> None:
    from ui.reports import ReportOptions, build_report

    c = models.add_contact("Long Writer", company="Verbose GmbH")
    para = "A long paragraph about scope, budget and people that keeps going for a while. " * 12
    models.add_note(c.id, "\n\n".join([para] * 30) + " THE VERY END.", occurred_at="2025-01-02")
    for i in range(30):
        models.add_note(c.id, f"Note number {i}: paid on time.", occurred_at=f"2025-02-{i % 27 + 1:02d}")
    out = tmp_path / "long.pdf"
    result = build_report(ReportOptions(kind="contact", output=out, contact_id=c.id))
    assert result.pages == pdf_pages(out) >= 4
    text = pdf_text(out)
    assert text.count("THE VERY END.") == 1  # the stand-out copy is cut short; the table has it all
    assert "Note number 29: paid on time." in text
    for page in range(3, result.pages + 1):  # continuation pages repeat the column titles
        words = pdf_text(out, page, page)
        assert all(title in words for title in ("DATE", "KIND", "LABEL", "NOTE")), page


def test_equal_table_cells_share_one_layout(qapp, tmp_path: Path) -> None:
    """The table lays out each distinct cell once (5,000 notes have a handful of kinds and
    labels); cells that differ in text, colour, size or column keep their own layout."""
    import datetime as dt

    from ui.reports import style
    from ui.reports.canvas import Canvas
    from ui.reports.flow import Column, Row
    from ui.reports.text import Run

    c = Canvas(tmp_path / "t.pdf", "A4", "T", "Test", dt.datetime(2025, 1, 1))
    columns = [Column("Kind", 20), Column("Label", 20), Column("Note", 60)]
    green = [Run("positive", color=style.POSITIVE)]
    rows = [
        ["call", green, "Same text."],
        ["call", [Run("positive", color=style.POSITIVE)], "Same text."],
        ["call", [Run("positive", color=style.NEGATIVE)], "Other text."],
        ["call", [Run("positive", color=style.POSITIVE, size=7.5)], "call"],
        [[Run("call"), Run("\n30 min", color=style.MUTED, size=style.SMALL_PT)], green, "Same text."],
    ]
    head, *body = c.table(columns, rows)
    assert all(isinstance(r, Row) for r in body)
    cells = [r.cells for r in body]
    assert cells[0][0] is cells[1][0] is cells[2][0] is cells[3][0]
    assert cells[0][1] is cells[1][1] and cells[0][2] is cells[1][2]
    assert cells[2][1] is not cells[0][1]  # another colour
    assert cells[3][1] is not cells[0][1]  # another size
    assert cells[3][2] is not cells[0][0]  # same text, another column (width)
    assert cells[4][0] is not cells[0][0] and cells[4][0].height > cells[0][0].height
    assert body[0].height == body[1].height and body[4].height > body[0].height
    assert [b.cells for b in c.table(columns, rows[:1])][1][0] is not cells[0][0]  # one cache per table


def test_streamed_pagination_matches_and_holds_one_page() -> None:
    """paginate_iter takes a generator and hands out each page when it is full: the same pages
    as paginate, with only the current block and the next one pulled from the generator."""
    from ui.reports.flow import paginate_iter

    def blocks(log: list):
        for i in range(40):
            if i % 10 == 0:
                yield Section(f"S{i}")
            log.append(i)
            yield Box(30)

    whole = paginate(list(blocks([])), 100, "T")
    pulled: list = []
    seen = 0
    for n, page in enumerate(paginate_iter(blocks(pulled), 100, "T"), start=1):
        assert len(pulled) <= (n * 3) + 2  # never far ahead of the page being handed out
        seen += 1
        assert [p.y for p in page.items] == [p.y for p in whole[n - 1].items]
        assert page.title == whole[n - 1].title
    assert seen == len(whole)


def test_render_stream_counts_then_draws(qapp, tmp_path: Path) -> None:
    import datetime as dt

    from ui.reports.canvas import Canvas

    c = Canvas(tmp_path / "s.pdf", "A4", "T", "Test", dt.datetime(2025, 1, 1))
    calls: list = []

    def make():
        calls.append(1)
        return (c.text(f"Paragraph number {i}.", after=400) for i in range(7))
    messages: list = []
    assert c.render_stream(make, "T", messages.append) == 7
    assert len(calls) == 2
    from .conftest import pdf_pages, pdf_text

    assert pdf_pages(tmp_path / "s.pdf") == 7 and "Page 7 of 7" in pdf_text(tmp_path / "s.pdf", 7, 7)
