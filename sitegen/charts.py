"""Geometry of the result charts: a fixed SVG frame with one bar per row, drawn at build time."""

from __future__ import annotations

LABEL_WIDTH = 330
COLUMN_WIDTH = 72
ROW_HEIGHT = 36
HEADER_HEIGHT = 34
LABEL_CHARS = 40


def bar_chart(rows: list[tuple[str, str]], columns: list[str], column_width: int = COLUMN_WIDTH,
              targets: bool = False) -> dict:
    """Rows of labelled bars over a scale of columns; the browser sets each bar's length to its value.

    With `targets`, each row also gets a marker the browser moves to the row's ambition.
    """
    width = LABEL_WIDTH + column_width * len(columns) + 8
    height = HEADER_HEIGHT + ROW_HEIGHT * len(rows) + 8
    return {
        "width": width, "height": height, "unit": column_width, "origin": LABEL_WIDTH, "targets": targets,
        "plot_top": HEADER_HEIGHT - 6, "plot_bottom": height - 4,
        "columns": [{"label": label, "x": LABEL_WIDTH + column_width * i,
                     "center": LABEL_WIDTH + column_width * (i + 0.5)}
                    for i, label in enumerate(columns)],
        "rows": [{"id": row_id, "label": _shorten(label), "full_label": label,
                  "y": HEADER_HEIGHT + ROW_HEIGHT * i, "bar_y": HEADER_HEIGHT + ROW_HEIGHT * i + 7,
                  "text_y": HEADER_HEIGHT + ROW_HEIGHT * i + ROW_HEIGHT / 2 + 5}
                 for i, (row_id, label) in enumerate(rows)],
        "bar_height": ROW_HEIGHT - 14,
    }


def _shorten(label: str) -> str:
    if len(label) <= LABEL_CHARS:
        return label
    return label[:LABEL_CHARS - 1].rsplit(" ", 1)[0] + "…"


PLOT = 320  # side of the square plot area of the axes chart
MARGIN = {"left": 150, "right": 150, "top": 40, "bottom": 56}


def axes_chart(axes: list[dict], phases: list[dict]) -> dict:
    """The model's stages as points on its two axes, joined in order: a map of the road ahead."""
    horizontal, vertical = axes
    xs = [p["position"][horizontal["id"]] for p in phases]
    ys = [p["position"][vertical["id"]] for p in phases]

    def scale(value: float, low: float, high: float) -> float:
        return 0.5 if high == low else (value - low) / (high - low)

    points = []
    for phase, x, y in zip(phases, xs, ys):
        px = MARGIN["left"] + 20 + scale(x, min(xs), max(xs)) * (PLOT - 40)
        py = MARGIN["top"] + PLOT - 20 - scale(y, min(ys), max(ys)) * (PLOT - 40)
        # Points at the same height would have their labels on top of each other: put every second one below.
        below = bool(points) and points[-1]["y"] == round(py, 1) and not points[-1]["below"]
        points.append({"id": phase["id"], "name": phase["name"], "x": round(px, 1), "y": round(py, 1), "below": below,
                       "label_x": round(px + (2 if below else 12), 1), "label_y": round(py + 26 if below else py - 10, 1)})
    left, top = MARGIN["left"], MARGIN["top"]
    return {
        "width": left + PLOT + MARGIN["right"], "height": top + PLOT + MARGIN["bottom"],
        "plot": {"x": left, "y": top, "size": PLOT, "right": left + PLOT, "bottom": top + PLOT,
                 "center_x": left + PLOT / 2, "center_y": top + PLOT / 2},
        "horizontal": horizontal, "vertical": vertical, "points": points,
        "path": " ".join(f"{'M' if i == 0 else 'L'} {p['x']} {p['y']}" for i, p in enumerate(points)),
    }


PAIR_ROW_HEIGHT = 46


def paired_bar_chart(rows: list[tuple[str, str]], columns: list[str], column_width: int = COLUMN_WIDTH) -> dict:
    """Two bars per row, an earlier and a later measurement, over the same scale of columns."""
    width = LABEL_WIDTH + column_width * len(columns) + 8
    height = HEADER_HEIGHT + PAIR_ROW_HEIGHT * len(rows) + 8
    return {
        "width": width, "height": height, "unit": column_width, "origin": LABEL_WIDTH,
        "plot_top": HEADER_HEIGHT - 6, "plot_bottom": height - 4, "bar_height": 15,
        "columns": [{"label": label, "x": LABEL_WIDTH + column_width * i,
                     "center": LABEL_WIDTH + column_width * (i + 0.5)}
                    for i, label in enumerate(columns)],
        "rows": [{"id": row_id, "label": _shorten(label), "full_label": label,
                  "text_y": HEADER_HEIGHT + PAIR_ROW_HEIGHT * i + PAIR_ROW_HEIGHT / 2 + 5,
                  "before_y": HEADER_HEIGHT + PAIR_ROW_HEIGHT * i + 6,
                  "after_y": HEADER_HEIGHT + PAIR_ROW_HEIGHT * i + 24,
                  "before_text_y": HEADER_HEIGHT + PAIR_ROW_HEIGHT * i + 18,
                  "after_text_y": HEADER_HEIGHT + PAIR_ROW_HEIGHT * i + 36}
                 for i, (row_id, label) in enumerate(rows)],
    }
