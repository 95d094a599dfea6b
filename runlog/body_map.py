"""The leg body map: both legs from the front and from the back, one shape per sore area.

Each contract `location` appears once per leg, on the view where a runner would point to it
(thighs, knees, shins and feet from the front; hips and buttocks, hamstrings and calves from
the back), so each shape is one control. The geometry lives here rather than in the template
so a later heat map can draw the same shapes with other colours.

Seen from the front, the runner's right leg is on the viewer's left; from the back, their
left leg is. Every shape is labelled with the runner's own side ("Left calf").
"""

import re
from dataclasses import dataclass

from .choices import Location, Side
from .validation import SORENESS_RANGE, region_value

VIEW_WIDTH = 150
BACK_OFFSET = 170  # the back view starts here, a gap after the front view
TOP = 24  # room for the captions


@dataclass(frozen=True)
class MapRegion:
    region: str
    side: str
    view: str  # "front" or "back"
    path: str

    @property
    def value(self) -> str:
        return region_value(self.region, self.side)

    @property
    def label(self) -> str:
        return f"{Side(self.side).label} {Location(self.region).label.lower()}"


def _path(points: str, cx: float, o: int, dy: float = TOP) -> str:
    """Fill in a path written for one leg: `X(n)` is n units outwards from the leg's centre."""

    def number(match: re.Match) -> str:
        value = float(match.group(2))
        return f"{cx + o * value if match.group(1) == 'X' else value + dy:g}"

    return _TOKEN.sub(number, points)


_TOKEN = re.compile(r"([XY])\((-?[0-9.]+)\)")


# One leg's shapes, with X(n) measured outwards from the leg's centre and Y(n) from the top.
_SHAPES = {
    "quads": "M X(30),Y(30) C X(36),Y(85) X(26),Y(150) X(20),Y(178) L X(-16),Y(178) "
    "C X(-20),Y(135) X(-24),Y(75) X(-22),Y(30) Z",
    "knees": "M X(-18),Y(198) C X(-18),Y(180) X(20),Y(180) X(20),Y(198) "
    "C X(20),Y(216) X(-18),Y(216) X(-18),Y(198) Z",
    "shins": "M X(17),Y(220) C X(20),Y(255) X(14),Y(305) X(11),Y(330) L X(-9),Y(330) "
    "C X(-12),Y(290) X(-14),Y(250) X(-15),Y(220) Z",
    "feet": "M X(12),Y(336) L X(-10),Y(336) C X(-13),Y(352) X(-14),Y(368) X(-6),Y(372) "
    "L X(22),Y(372) C X(28),Y(368) X(22),Y(350) X(12),Y(336) Z",
    "hips_glutes": "M X(-28),Y(4) L X(32),Y(4) C X(40),Y(40) X(32),Y(74) X(6),Y(78) "
    "C X(-18),Y(80) X(-28),Y(66) X(-28),Y(4) Z",
    "hamstrings": "M X(31),Y(84) C X(32),Y(125) X(24),Y(165) X(20),Y(184) L X(-16),Y(184) "
    "C X(-20),Y(145) X(-24),Y(110) X(-24),Y(84) Z",
    "calves": "M X(19),Y(204) C X(30),Y(236) X(18),Y(294) X(11),Y(326) L X(-9),Y(326) "
    "C X(-16),Y(286) X(-26),Y(236) X(-15),Y(204) Z",
}
# The leg behind the shapes, so the gaps between them still read as a leg.
_LEG = (
    "M X(32),Y(0) C X(40),Y(90) X(22),Y(170) X(22),Y(200) C X(30),Y(245) X(16),Y(305) "
    "X(12),Y(334) L X(24),Y(372) L X(-8),Y(374) C X(-16),Y(360) X(-12),Y(345) X(-10),Y(334) "
    "C X(-15),Y(290) X(-25),Y(245) X(-17),Y(200) C X(-20),Y(160) X(-26),Y(90) X(-28),Y(0) Z"
)
_FRONT = ("quads", "knees", "shins", "feet")
_BACK = ("hips_glutes", "hamstrings", "calves")


def _legs(view: str) -> list[tuple[str, float, int]]:
    """(runner's side, centre x, outward direction) for the viewer's left leg, then right."""
    offset = 0 if view == "front" else BACK_OFFSET
    left_x, right_x = offset + 45, offset + 105
    if view == "front":  # facing the viewer: their right leg on the viewer's left
        return [("right", left_x, -1), ("left", right_x, 1)]
    return [("left", left_x, -1), ("right", right_x, 1)]


def _build() -> tuple[MapRegion, ...]:
    regions = []
    for view, names in (("front", _FRONT), ("back", _BACK)):
        for name in names:
            for side, cx, o in _legs(view):
                regions.append(MapRegion(name, side, view, _path(_SHAPES[name], cx, o)))
    return tuple(regions)


REGIONS = _build()
REGIONS_BY_VALUE = {r.value: r for r in REGIONS}
# Head to toe, left before right: the order of the checkboxes under the map.
BODY_ORDER = tuple(
    REGIONS_BY_VALUE[region_value(region, side)]
    for region in ("hips_glutes", "quads", "hamstrings", "knees", "shins", "calves", "feet")
    for side in ("left", "right")
)
LEGS = {view: [_path(_LEG, cx, o) for _, cx, o in _legs(view)] for view in ("front", "back")}
# Captions: the view's name and which leg is which, drawn under each leg.
CAPTIONS = [
    {"x": 75, "y": 14, "text": "Front"},
    {"x": BACK_OFFSET + 75, "y": 14, "text": "Back"},
    *(
        {"x": cx, "y": TOP + 392, "text": side[0].upper()}
        for view in ("front", "back")
        for side, cx, _ in _legs(view)
    ),
]
VIEWBOX = f"0 0 {BACK_OFFSET + VIEW_WIDTH} {TOP + 400}"
# The 0-10 a chosen area takes, on the check-in's map.
LEVELS = tuple(range(SORENESS_RANGE[0], SORENESS_RANGE[1] + 1))


def map_regions(selected=(), levels=None) -> list[dict]:
    """What the body map template draws: every region, whether chosen, and an optional level.

    `levels` (value -> 0-10) is for a heat map; the check-in form passes the chosen values.
    """
    selected = set(selected)
    levels = levels or {}
    return [
        {
            "value": r.value,
            "label": r.label,
            "view": r.view,
            "path": r.path,
            "selected": r.value in selected,
            "level": levels.get(r.value),
        }
        for r in REGIONS
    ]


def context(selected=(), levels=None) -> dict:
    """Everything templates/runlog/includes/body_map.html draws."""
    return {
        "viewbox": VIEWBOX,
        "legs": [*LEGS["front"], *LEGS["back"]],
        "captions": CAPTIONS,
        "regions": map_regions(selected, levels),
        "levels": LEVELS,
    }
