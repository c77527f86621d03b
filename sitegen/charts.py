"""The frames of the charts, computed at build time: the chart macros in site_templates/_charts.html only print
these values; the browser then sets each bar's length (site_templates/assets/js/charts.js).

The result page's bars are HTML (bar_frame): text keeps its CSS size and wraps on any screen, so a frame needs no
coordinates, only its rows and the labels of its scale. The team and comparison charts are SVG frames with every
coordinate computed here (spread_chart, paired_bar_chart). The map of a model's stages on its two axes (axes_chart)
is an SVG plot with HTML words around it.
"""

from __future__ import annotations

from typing import TypedDict

LABEL_WIDTH = 330
COLUMN_WIDTH = 72
ROW_HEIGHT = 36
HEADER_HEIGHT = 34
LABEL_CHARS = 40
VALUE_GAP = 8  # between the end of a bar and its value label


class FrameRow(TypedDict):
    id: str
    label: str  # the whole name: it wraps, it is never cut
    kind: str  # "part", "area", or "group": a group's own row, above its parts


class BarFrame(TypedDict):
    """An HTML bar chart (bar_frame): one row per part or result area over a scale of columns."""

    id: str  # the id of the chart's title and description
    kind: str  # data-bar-chart: which rows the page script draws into it
    columns: list[str]  # the labels of the scale, low to high
    words: bool  # the scale's labels are words, not numbers: on a narrow chart they take turns, high and low
    rows: list[FrameRow]


def bar_frame(chart_id: str, kind: str, rows: list[tuple[str, str, str]], columns: list[str]) -> BarFrame:
    """Rows of bars over a scale of columns (each row: id, label, kind); the browser sets each bar's length to its
    place on the scale."""
    return {"id": chart_id, "kind": kind, "columns": columns, "words": any(len(label) > 3 for label in columns),
            "rows": [{"id": row_id, "label": label, "kind": row_kind} for row_id, label, row_kind in rows]}


class Column(TypedDict):
    label: str
    x: int
    center: float
    even: bool  # every second column gets a darker band


class SpreadRow(TypedDict):
    id: str
    label: str  # shortened to fit
    text_y: float
    range_y: int  # the band from the lowest to the highest answer
    median_y: float


class SpreadChart(TypedDict):
    """The team chart (spread_chart): per row a band from the lowest to the highest answer and a median mark."""

    id: str  # the id of the frame's title and description
    width: int
    height: int
    unit: int
    origin: int
    plot_top: int
    band_height: int
    columns: list[Column]
    rows: list[SpreadRow]
    range_height: int
    scale: str  # the phase ids in order, for the page script


def spread_chart(chart_id: str, rows: list[tuple[str, str]], scale: list[int]) -> SpreadChart:
    """Per row a band from the lowest to the highest answer and a mark at the median, over the phase ids."""
    width = LABEL_WIDTH + COLUMN_WIDTH * len(scale) + 8
    height = HEADER_HEIGHT + ROW_HEIGHT * len(rows) + 8
    bar_height = ROW_HEIGHT - 14
    plot_top, plot_bottom = HEADER_HEIGHT - 6, height - 4
    return {
        "id": chart_id, "width": width, "height": height, "unit": COLUMN_WIDTH, "origin": LABEL_WIDTH,
        "plot_top": plot_top, "band_height": plot_bottom - plot_top,
        "columns": _columns([str(value) for value in scale], COLUMN_WIDTH),
        "rows": [{"id": row_id, "label": _shorten(label),
                  "text_y": HEADER_HEIGHT + ROW_HEIGHT * i + ROW_HEIGHT / 2 + 5,
                  "range_y": HEADER_HEIGHT + ROW_HEIGHT * i + 7 + 4,
                  "median_y": HEADER_HEIGHT + ROW_HEIGHT * i + 7 + bar_height / 2}
                 for i, (row_id, label) in enumerate(rows)],
        "range_height": bar_height - 8, "scale": " ".join(str(value) for value in scale),
    }


def _columns(labels: list[str], column_width: int) -> list[Column]:
    return [{"label": label, "x": LABEL_WIDTH + column_width * i, "center": LABEL_WIDTH + column_width * (i + 0.5),
             "even": (i + 1) % 2 == 0}
            for i, label in enumerate(labels)]


def _shorten(label: str) -> str:
    if len(label) <= LABEL_CHARS:
        return label
    return label[:LABEL_CHARS - 1].rsplit(" ", 1)[0] + "…"


PLOT = 320  # side of the square plot of the axes chart, in SVG units
INSET = 36  # from the plot's edge to the outermost points, so a point's circle stays inside
POINT_RADIUS = 17
NUMBER_SIZE = 20  # SVG units: at the narrowest plot (about 220 CSS px on a 320 px phone) still 13 CSS px


class Axis(TypedDict):
    id: str
    name: str
    low: str
    high: str


class AxesPoint(TypedDict):
    id: int
    name: str
    x: float
    y: float
    number_y: float  # the baseline of the stage's number in its circle


class AxesChart(TypedDict):
    """The model's stages as numbered points on its two axes (axes_chart); the words around it are HTML."""

    id: str
    size: int  # the plot's side (viewBox)
    center: float
    radius: int
    number_size: int
    horizontal: Axis
    vertical: Axis
    points: list[AxesPoint]
    path: str


def axes_chart(chart_id: str, axes: list[Axis], phases: list[dict]) -> AxesChart:
    """The model's stages as numbered points on its two axes, joined in order: a map of the road ahead.

    The points carry only their number; the stages' names are an HTML list next to the plot, so they wrap and keep
    their size on a phone.
    """
    horizontal, vertical = axes
    xs = [p["position"][horizontal["id"]] for p in phases]
    ys = [p["position"][vertical["id"]] for p in phases]

    def scale(value: float, low: float, high: float) -> float:
        return 0.5 if high == low else (value - low) / (high - low)

    span = PLOT - 2 * INSET
    points: list[AxesPoint] = []
    for phase, x, y in zip(phases, xs, ys, strict=True):
        px = round(INSET + scale(x, min(xs), max(xs)) * span, 1)
        py = round(PLOT - INSET - scale(y, min(ys), max(ys)) * span, 1)
        points.append({"id": phase["id"], "name": phase["name"], "x": px, "y": py,
                       "number_y": round(py + NUMBER_SIZE * 0.35, 1)})
    return {
        "id": chart_id, "size": PLOT, "center": PLOT / 2, "radius": POINT_RADIUS, "number_size": NUMBER_SIZE,
        "horizontal": horizontal, "vertical": vertical, "points": points,
        "path": " ".join(f"{'M' if i == 0 else 'L'} {p['x']} {p['y']}" for i, p in enumerate(points)),
    }


PAIR_ROW_HEIGHT = 46


class PairRow(TypedDict):
    id: str
    label: str  # shortened to fit
    text_y: float
    before_y: int
    after_y: int
    after_text_y: int


class PairedBarChart(TypedDict):
    """Two bars per row, an earlier and a later measurement (paired_bar_chart)."""

    id: str
    kind: str
    width: int
    height: int
    unit: int
    origin: int
    value_x: int
    plot_top: int
    band_height: int
    bar_height: int
    columns: list[Column]
    rows: list[PairRow]


def paired_bar_chart(chart_id: str, kind: str, rows: list[tuple[str, str]], columns: list[str],
                     column_width: int = COLUMN_WIDTH) -> PairedBarChart:
    """Two bars per row, an earlier and a later measurement, over the same scale of columns."""
    width = LABEL_WIDTH + column_width * len(columns) + 8
    height = HEADER_HEIGHT + PAIR_ROW_HEIGHT * len(rows) + 8
    plot_top, plot_bottom = HEADER_HEIGHT - 6, height - 4
    return {
        "id": chart_id, "kind": kind,
        "width": width, "height": height, "unit": column_width, "origin": LABEL_WIDTH,
        "value_x": LABEL_WIDTH + VALUE_GAP,
        "plot_top": plot_top, "band_height": plot_bottom - plot_top, "bar_height": 15,
        "columns": _columns(columns, column_width),
        "rows": [{"id": row_id, "label": _shorten(label),
                  "text_y": HEADER_HEIGHT + PAIR_ROW_HEIGHT * i + PAIR_ROW_HEIGHT / 2 + 5,
                  "before_y": HEADER_HEIGHT + PAIR_ROW_HEIGHT * i + 6,
                  "after_y": HEADER_HEIGHT + PAIR_ROW_HEIGHT * i + 24,
                  "after_text_y": HEADER_HEIGHT + PAIR_ROW_HEIGHT * i + 36}
                 for i, (row_id, label) in enumerate(rows)],
    }
