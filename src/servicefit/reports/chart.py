"""The profile-against-the-ideal chart, as server-rendered SVG (same in HTML and PDF).

One row per requirement: the target level (a tick), the minimum (a dashed tick),
and the candidate's estimate with its 95 % interval, on the 1-5 level scale.
The θ scale is mapped onto levels piecewise linearly through the level cut
points, so a level's band spans one unit on the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from servicefit.domain.competency_scores import LEVEL_CUTS

LEFT, RIGHT, ROW, TOP = 210, 30, 28, 22
WIDTH = 640
SCALE_MIN, SCALE_MAX = 0.5, 5.5


@dataclass(frozen=True)
class ChartRow:
    label: str
    target: int
    minimum: int | None
    theta: float | None
    se: float | None


def level_position(theta: float) -> float:
    """θ as a continuous level: level l spans [l - 0.5, l + 0.5]."""
    edges = [LEVEL_CUTS[0] - 1.0, *LEVEL_CUTS, LEVEL_CUTS[-1] + 1.0]
    for level in range(1, 6):
        low, high = edges[level - 1], edges[level]
        if theta < high or level == 5:
            position = level - 0.5 + (theta - low) / (high - low)
            return min(SCALE_MAX, max(SCALE_MIN, position))
    return SCALE_MAX


def _x(level: float) -> float:
    return LEFT + (level - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * (WIDTH - LEFT - RIGHT)


def profile_chart(rows: Sequence[ChartRow], *, title: str, legend: dict[str, str]) -> str:
    """An SVG document; every text is escaped."""
    height = TOP + ROW * len(rows) + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}" '
        'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
    ]
    for level in range(1, 6):
        x = _x(level)
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{TOP + ROW * len(rows)}" '
            'stroke="#dddddd"/>'
            f'<text x="{x:.1f}" y="{TOP - 10}" text-anchor="middle">{level}</text>'
        )
    for index, row in enumerate(rows):
        y = TOP + ROW * index + ROW / 2
        parts.append(f'<text x="0" y="{y + 4:.1f}">{escape(row.label)}</text>')
        target = _x(row.target)
        parts.append(
            f'<line x1="{target:.1f}" y1="{y - 10:.1f}" x2="{target:.1f}" y2="{y + 10:.1f}" '
            'stroke="#1f4e79" stroke-width="3"><title>target</title></line>'
        )
        if row.minimum is not None:
            minimum = _x(row.minimum)
            parts.append(
                f'<line x1="{minimum:.1f}" y1="{y - 10:.1f}" x2="{minimum:.1f}" y2="{y + 10:.1f}" '
                'stroke="#c00000" stroke-width="2" stroke-dasharray="3,2"/>'
            )
        if row.theta is not None and row.se is not None:
            low = _x(level_position(row.theta - 1.96 * row.se))
            high = _x(level_position(row.theta + 1.96 * row.se))
            point = _x(level_position(row.theta))
            parts.append(
                f'<line x1="{low:.1f}" y1="{y:.1f}" x2="{high:.1f}" y2="{y:.1f}" stroke="#555555" '
                'stroke-width="2"/>'
                f'<circle cx="{point:.1f}" cy="{y:.1f}" r="5" fill="#2e7d32"/>'
            )
        else:
            parts.append(f'<text x="{_x(3):.1f}" y="{y + 4:.1f}" fill="#888888">—</text>')
    legend_y = TOP + ROW * len(rows) + 28
    parts.append(
        f'<text x="0" y="{legend_y}" fill="#333333" font-size="10">'
        f"{escape(legend.get('legend', ''))}</text>"
    )
    parts.append("</svg>")
    return "".join(parts)
