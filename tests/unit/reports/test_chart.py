from __future__ import annotations

import defusedxml.ElementTree as SafeET
import pytest

from servicefit.domain.competency_scores import LEVEL_CUTS
from servicefit.reports.chart import ChartRow, level_position, profile_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_each_level_band_spans_one_unit() -> None:
    assert level_position(LEVEL_CUTS[1]) == pytest.approx(2.5)
    assert level_position((LEVEL_CUTS[1] + LEVEL_CUTS[2]) / 2) == pytest.approx(3.0)
    assert level_position(-9) == 0.5
    assert level_position(9) == 5.5


def test_the_chart_is_valid_svg_with_escaped_labels_and_one_mark_per_estimate() -> None:
    rows = [
        ChartRow("Empatía <script>", 4, 2, 0.3, 0.4),
        ChartRow("Tolerancja & spokój", 3, None, None, None),
    ]
    svg = profile_chart(rows, title="Perfil <b>", legend={"legend": "objetivo | mínimo"})
    root = SafeET.fromstring(svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Empatía <script>" in texts
    assert "Tolerancja & spokój" in texts
    assert "<script>" not in svg
    assert len(list(root.iter(f"{SVG}circle"))) == 1
