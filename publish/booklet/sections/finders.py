"""Ways into the spots: the symptom finder chart, the condition finder and the overview body maps."""
from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Spacer, Table, TableStyle
from reportlab.platypus.flowables import BalancedColumns

from ...model import Spot
from ..context import Context
from ..flowables import Dot, NotesPanel, Section, fit
from ..marks import condition_key, region_key, spot_key
from ..paragraph import Paragraph, tie_last_words
from ..refs import Chapter
from ..styles import ACCENT, SANS, SANS_BOLD, TINT, TINT_LINE
from ..text import bold, capital, esc, italic, link, mark
from .common import chapter_heading, grid_style, spots_with_pages

SYMPTOMS = Chapter("symptom-finder", "booklet.chapter.symptom_finder")
CONDITIONS = Chapter("condition-finder", "booklet.chapter.condition_finder")
OVERVIEW = Chapter("spots", "booklet.chapter.spots")
LABEL_SHARE = 0.35          # of the frame width, for the region names
COLUMN_TINT = Color(0.965, 0.965, 0.97)   # every other spot column, to guide the eye down
MAX_COLUMNS = 14            # spots per chart; more spots make more charts


def symptom_finder(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    story: list[Flowable] = [
        Section("the symptom finder"),
        chapter_heading(ctx, SYMPTOMS.key),
        Paragraph(ctx.content.labels.text("booklet.symptom_intro"), s.body_plain),
        _key(ctx),
    ]
    spots = ctx.content.spots
    for start in range(0, len(spots), MAX_COLUMNS):
        story += [Spacer(0, 6), _chart(ctx, spots[start:start + MAX_COLUMNS])]
    return story


def _key(ctx: Context) -> Table:
    s = ctx.styles
    table = Table([[Dot("essential"), Paragraph(ctx.content.labels.text("booklet.essential_zone"), s.cell), Dot("spillover"),
                    Paragraph(ctx.content.labels.text("booklet.spillover_zone"), s.cell)]], colWidths=[12, 70, 12, 70], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 1)]))
    return table


Row = tuple[str, str, bool]     # ('group', heading, continued) or ('region', region id, False)


def _rows(ctx: Context) -> list[Row]:
    """Group headings and the regions under them; groups in the order of their first region."""
    content = ctx.content
    used = {r for spot in content.spots for r in spot.pain.essential + spot.pain.spillover}
    groups: dict[str, list[str]] = {}
    for region_id, region in content.regions.items():
        if region_id in used:
            groups.setdefault(region.group, []).append(region_id)
    return [row for group, ids in groups.items() for row in [("group", group, False)] + [("region", r, False) for r in ids]]


def _chart(ctx: Context, spots: tuple[Spot, ...]) -> Flowable:
    return GroupedChart(lambda rows: _table(ctx, spots, rows), _rows(ctx))


class GroupedChart(Flowable):
    """The symptom chart, which splits between rows like a table, but never leaves a group heading
    at a page foot and repeats the heading, marked as continued, at the top of the next page."""

    def __init__(self, make: Callable[[list[Row]], Table], rows: list[Row]):
        super().__init__()
        self.make, self.rows = make, rows
        self.block = "the symptom chart"

    def wrap(self, availWidth, availHeight):
        self.table = self.make(self.rows)
        self.width, self.height = self.table.wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self):
        self.table.drawOn(self.canv, 0, 0)

    def split(self, availWidth, availHeight):
        parts = self.make(self.rows).split(availWidth, availHeight)
        fits = len(parts[0]._cellvalues) - HEADER_ROWS if len(parts) == 2 else 0
        while fits > 0 and self.rows[fits - 1][0] == "group":
            fits -= 1
        if fits <= 0:
            return []
        rest = self.rows[fits:]
        if rest[0][0] != "group":
            group = next(text for kind, text, _ in reversed(self.rows[:fits]) if kind == "group")
            rest = [("group", group, True)] + rest
        return [self.make(self.rows[:fits]), GroupedChart(self.make, rest)]


HEADER_ROWS = 2


def _table(ctx: Context, spots: tuple[Spot, ...], items: list[Row]) -> Table:
    s = ctx.styles
    content = ctx.content
    label_width = LABEL_SHARE * ctx.trim.frame_width
    column = (ctx.trim.frame_width - label_width) / len(spots)
    rows: list[list] = [
        [Paragraph(ctx.content.labels.text("booklet.pain_felt_in"), s.cell_head)] +
        [Paragraph(link(bold(str(spot.number)), spot_key(spot)), s.cell_center) for spot in spots],
        [Paragraph(ctx.content.labels.text("booklet.page_column"), s.caption)] +
        [Paragraph(link(ctx.page(spot_key(spot)), spot_key(spot)), s.caption) for spot in spots],
    ]
    extra = []
    for kind, text, continued in items:
        if kind == "group":
            extra += [("SPAN", (0, len(rows)), (-1, len(rows))), ("BACKGROUND", (0, len(rows)), (-1, len(rows)), TINT)]
            rows.append([Paragraph(bold(text) + (f" {esc(ctx.content.labels.text('booklet.continued'))}" if continued else ""), s.cell)]
                        + [""] * len(spots))
            continue
        zones = dict((spot.number, zone) for spot, zone in content.spots_for_region(text))
        rows.append([Paragraph(mark(region_key(text)) + esc(capital(content.regions[text].label)), s.cell)] +
                    [Dot(zones[spot.number]) if spot.number in zones else "" for spot in spots])
    table = Table(rows, colWidths=[label_width] + [column] * len(spots), repeatRows=HEADER_ROWS, hAlign="LEFT")
    shade = [("BACKGROUND", (c, 0), (c, -1), COLUMN_TINT) for c in range(2, len(spots) + 1, 2)]
    table.setStyle(grid_style(HEADER_ROWS, [*shade, ("VALIGN", (0, 2), (-1, -1), "MIDDLE"),
                                            ("LEFTPADDING", (1, 0), (-1, -1), 0), ("RIGHTPADDING", (1, 0), (-1, -1), 0),
                                            ("TOPPADDING", (0, 2), (-1, -1), 1.3),
                                            ("BOTTOMPADDING", (0, 2), (-1, -1), 1.7),
                                            ("BOTTOMPADDING", (0, 0), (-1, 0), 0), *extra]))
    return table


def condition_finder(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    content = ctx.content
    story: list[Flowable] = [
        Section("the condition finder"),
        chapter_heading(ctx, CONDITIONS.key),
        Paragraph(ctx.content.labels.text("booklet.condition_intro"), s.body_plain),
    ]
    for condition_id, condition in sorted(content.conditions.items(), key=lambda kv: kv[1].name.lower()):
        spots = content.spots_for_condition(condition_id)
        if not spots:
            continue
        also = f" ({italic(ctx.content.labels.text('booklet.also', names=', '.join(condition.also)))})" if condition.also else ""
        where = spots_with_pages(ctx, [spot.number for spot in spots])
        story.append(Paragraph(
            f"{mark(condition_key(condition_id))}{bold(condition.name)}{also}. {esc(condition.summary)} "
            f"<font name='{SANS_BOLD}' size='{s.entry.fontSize - 0.8}' color='{ACCENT.hexval()}'>{where}</font>",
            s.finder_entry))
    return story + [NotesPanel(ctx.content.labels.text("booklet.my_notes"), ctx.trim.frame_height)]


def overview(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    width, height = ctx.trim.frame_width, ctx.trim.frame_height
    cells: list[list[Flowable | str]] = [[Paragraph(link(f"{bold(str(spot.number))}\u2002{tie_last_words(esc(spot.title))}", spot_key(spot)), s.cell),
              Paragraph(link(ctx.page(spot_key(spot)), spot_key(spot)), s.cell_right)] for spot in ctx.content.spots]
    gap = 12
    # in two columns of their own rows, so a title that wraps in one leaves no gap in the other; a long
    # key goes on over the next page
    key = BalancedColumns([_key_column(cells, (width - gap) / 2)], nCols=2, innerPadding=gap / 2,
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    return [
        Section("the overview maps"),
        chapter_heading(ctx, OVERVIEW.key),
        Paragraph(ctx.content.labels.text("booklet.overview_intro", count=len(ctx.content.spots)), s.body_plain),
        fit(ctx.art.overview((width, 0.62 * height)), width, 0.62 * height),
        Spacer(0, 6),
        key,
    ]


def _key_column(rows: list[list[Flowable | str]], width: float) -> Table:
    """One column of the map's key: each spot's title with its page level with the title's last line.
    Each column has its own rows, so a title that wraps in one never leaves a gap in the other."""
    page_column = 22
    table = Table(rows, colWidths=[width - page_column, page_column], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.3, TINT_LINE)]))
    return table
