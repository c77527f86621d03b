"""Geometry of the result charts: a fixed SVG frame with one bar per row, drawn at build time.

Every coordinate a frame needs is computed here, so the chart macros in site_templates/_charts.html only print
values; the browser then sets each bar's length (site_templates/assets/js/charts.js).
"""

from __future__ import annotations

from typing import TypedDict

LABEL_WIDTH = 330
COLUMN_WIDTH = 72
ROW_HEIGHT = 36
HEADER_HEIGHT = 34
LABEL_CHARS = 40
VALUE_GAP = 8  # between the end of a bar and its value label


class Column(TypedDict):
    label: str
    x: int
    center: float
    even: bool  # every second column gets a darker band


class BarRow(TypedDict):
    id: str
    label: str  # shortened to fit
    full_label: str
    y: int
    bar_y: int
    text_y: float
    target_y: int  # the ambition marker, a little taller than the bar
    range_y: int  # the team chart's band from lowest to highest answer
    median_y: float


class BarChart(TypedDict):
    """Rows of labelled bars over a scale of columns (bar_chart)."""

    id: str  # the id of the frame's title and description
    kind: str  # data-chart: which bars the page script draws into it
    width: int
    height: int
    unit: int
    origin: int
    value_x: int
    targets: bool
    plot_top: int
    plot_bottom: int
    band_height: int
    columns: list[Column]
    rows: list[BarRow]
    bar_height: int
    target_height: int
    range_height: int


class SpreadChart(BarChart):
    """The team chart (spread_chart): a bar chart whose rows get a band and a median mark."""

    scale: str  # the phase ids in order, for the page script


def bar_chart(chart_id: str, kind: str, rows: list[tuple[str, str]], columns: list[str],
              column_width: int = COLUMN_WIDTH, targets: bool = False) -> BarChart:
    """Rows of labelled bars over a scale of columns; the browser sets each bar's length to its value.

    With `targets`, each row also gets a marker the browser moves to the row's ambition.
    """
    width = LABEL_WIDTH + column_width * len(columns) + 8
    height = HEADER_HEIGHT + ROW_HEIGHT * len(rows) + 8
    bar_height = ROW_HEIGHT - 14
    plot_top, plot_bottom = HEADER_HEIGHT - 6, height - 4
    return {
        "id": chart_id, "kind": kind,
        "width": width, "height": height, "unit": column_width, "origin": LABEL_WIDTH,
        "value_x": LABEL_WIDTH + VALUE_GAP, "targets": targets,
        "plot_top": plot_top, "plot_bottom": plot_bottom, "band_height": plot_bottom - plot_top,
        "columns": _columns(columns, column_width),
        "rows": [{"id": row_id, "label": _shorten(label), "full_label": label,
                  "y": HEADER_HEIGHT + ROW_HEIGHT * i, "bar_y": HEADER_HEIGHT + ROW_HEIGHT * i + 7,
                  "text_y": HEADER_HEIGHT + ROW_HEIGHT * i + ROW_HEIGHT / 2 + 5,
                  "target_y": HEADER_HEIGHT + ROW_HEIGHT * i + 7 - 4,
                  "range_y": HEADER_HEIGHT + ROW_HEIGHT * i + 7 + 4,
                  "median_y": HEADER_HEIGHT + ROW_HEIGHT * i + 7 + bar_height / 2}
                 for i, (row_id, label) in enumerate(rows)],
        "bar_height": bar_height, "target_height": bar_height + 8, "range_height": bar_height - 8,
    }


def spread_chart(chart_id: str, rows: list[tuple[str, str]], scale: list[int]) -> SpreadChart:
    """Per row a band from the lowest to the highest answer and a mark at the median, over the phase ids."""
    chart = bar_chart(chart_id, "spread", rows, [str(value) for value in scale])
    return {**chart, "scale": " ".join(str(value) for value in scale)}


def _columns(labels: list[str], column_width: int) -> list[Column]:
    return [{"label": label, "x": LABEL_WIDTH + column_width * i, "center": LABEL_WIDTH + column_width * (i + 0.5),
             "even": (i + 1) % 2 == 0}
            for i, label in enumerate(labels)]


def _shorten(label: str) -> str:
    if len(label) <= LABEL_CHARS:
        return label
    return label[:LABEL_CHARS - 1].rsplit(" ", 1)[0] + "…"


PLOT = 320  # side of the square plot area of the axes chart
MARGIN = {"left": 150, "right": 150, "top": 40, "bottom": 56}


class Axis(TypedDict):
    id: str
    name: str
    low: str
    high: str


class Plot(TypedDict):
    x: int
    y: int
    size: int
    right: int
    bottom: int
    center_x: float
    center_y: float
    ends_y: float  # the words at both ends of the horizontal axis, under the plot
    name_y: float  # the horizontal axis's name, under those
    side_x: int  # the words of the vertical axis, left of the plot
    top_y: int  # the high end of the vertical axis


class AxesPoint(TypedDict):
    id: int
    name: str
    x: float
    y: float
    below: bool
    label_x: float
    label_y: float


class AxesChart(TypedDict):
    """The model's stages as points on its two axes (axes_chart)."""

    id: str
    width: int
    height: int
    plot: Plot
    horizontal: Axis
    vertical: Axis
    points: list[AxesPoint]
    path: str


def axes_chart(chart_id: str, axes: list[Axis], phases: list[dict]) -> AxesChart:
    """The model's stages as points on its two axes, joined in order: a map of the road ahead."""
    horizontal, vertical = axes
    xs = [p["position"][horizontal["id"]] for p in phases]
    ys = [p["position"][vertical["id"]] for p in phases]

    def scale(value: float, low: float, high: float) -> float:
        return 0.5 if high == low else (value - low) / (high - low)

    points: list[AxesPoint] = []
    for phase, x, y in zip(phases, xs, ys, strict=True):
        px = MARGIN["left"] + 20 + scale(x, min(xs), max(xs)) * (PLOT - 40)
        py = MARGIN["top"] + PLOT - 20 - scale(y, min(ys), max(ys)) * (PLOT - 40)
        # Points at the same height would have their labels on top of each other: put every second one below.
        below = bool(points) and points[-1]["y"] == round(py, 1) and not points[-1]["below"]
        points.append({"id": phase["id"], "name": phase["name"], "x": round(px, 1), "y": round(py, 1), "below": below,
                       "label_x": round(px + (2 if below else 12), 1),
                       "label_y": round(py + 26 if below else py - 10, 1)})
    left, top = MARGIN["left"], MARGIN["top"]
    return {
        "id": chart_id,
        "width": left + PLOT + MARGIN["right"], "height": top + PLOT + MARGIN["bottom"],
        "plot": {"x": left, "y": top, "size": PLOT, "right": left + PLOT, "bottom": top + PLOT,
                 "center_x": left + PLOT / 2, "center_y": top + PLOT / 2,
                 "ends_y": top + PLOT + 20, "name_y": top + PLOT + 44, "side_x": left - 10, "top_y": top + 12},
        "horizontal": horizontal, "vertical": vertical, "points": points,
        "path": " ".join(f"{'M' if i == 0 else 'L'} {p['x']} {p['y']}" for i, p in enumerate(points)),
    }


PAIR_ROW_HEIGHT = 46


class PairRow(TypedDict):
    id: str
    label: str
    full_label: str
    text_y: float
    before_y: int
    after_y: int
    before_text_y: int
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
    plot_bottom: int
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
        "plot_top": plot_top, "plot_bottom": plot_bottom, "band_height": plot_bottom - plot_top, "bar_height": 15,
        "columns": _columns(columns, column_width),
        "rows": [{"id": row_id, "label": _shorten(label), "full_label": label,
                  "text_y": HEADER_HEIGHT + PAIR_ROW_HEIGHT * i + PAIR_ROW_HEIGHT / 2 + 5,
                  "before_y": HEADER_HEIGHT + PAIR_ROW_HEIGHT * i + 6,
                  "after_y": HEADER_HEIGHT + PAIR_ROW_HEIGHT * i + 24,
                  "before_text_y": HEADER_HEIGHT + PAIR_ROW_HEIGHT * i + 18,
                  "after_text_y": HEADER_HEIGHT + PAIR_ROW_HEIGHT * i + 36}
                 for i, (row_id, label) in enumerate(rows)],
    }
