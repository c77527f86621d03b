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
