"""The leg body map: every contract location on each leg, once, where a runner would point."""

import re

import pytest
from django.template.loader import render_to_string

from runlog import body_map
from runlog.choices import Location


def centre_x(path: str) -> float:
    xs = [float(x) for x in re.findall(r"(-?[0-9.]+),", path)]
    return sum(xs) / len(xs)


def test_each_location_appears_once_per_leg():
    values = [region.value for region in body_map.REGIONS]
    assert len(values) == len(set(values)) == 2 * len(Location.values)
    assert {(r.region, r.side) for r in body_map.REGIONS} == {
        (location, side) for location in Location.values for side in ("left", "right")
    }
    assert [r.value for r in body_map.BODY_ORDER][:4] == [
        "left-hips_glutes",
        "right-hips_glutes",
        "left-quads",
        "right-quads",
    ]


def test_front_areas_are_on_the_front_and_back_areas_on_the_back():
    views = {r.region: r.view for r in body_map.REGIONS}
    assert {name for name, view in views.items() if view == "front"} == {
        "quads", "knees", "shins", "feet"
    }  # fmt: skip
    assert {name for name, view in views.items() if view == "back"} == {
        "hips_glutes", "hamstrings", "calves"
    }  # fmt: skip


def test_seen_from_the_front_the_right_leg_is_on_the_left_of_the_picture():
    by_value = body_map.REGIONS_BY_VALUE
    assert centre_x(by_value["right-quads"].path) < centre_x(by_value["left-quads"].path)
    assert centre_x(by_value["left-calves"].path) < centre_x(by_value["right-calves"].path)
    # and the back view is drawn to the right of the front view
    assert centre_x(by_value["left-quads"].path) < centre_x(by_value["left-calves"].path)


def test_every_shape_lies_inside_the_picture():
    _, _, width, height = (float(n) for n in body_map.VIEWBOX.split())
    for region in body_map.REGIONS:
        numbers = [float(n) for n in re.findall(r"-?[0-9.]+", region.path)]
        xs, ys = numbers[0::2], numbers[1::2]
        assert min(xs) >= 0 and max(xs) <= width, region.value
        assert min(ys) >= 0 and max(ys) <= height, region.value


def test_labels_name_the_runners_own_side():
    assert body_map.REGIONS_BY_VALUE["left-calves"].label == "Left calf"
    assert body_map.REGIONS_BY_VALUE["right-hips_glutes"].label == "Right hip or buttock"


def test_regions_carry_their_choice_and_a_heat_level():
    regions = body_map.map_regions(selected=["left-feet"], levels={"right-knees": 7})
    by_value = {r["value"]: r for r in regions}
    assert by_value["left-feet"]["selected"] and not by_value["right-feet"]["selected"]
    assert by_value["right-knees"]["level"] == 7
    assert by_value["left-knees"]["level"] is None


@pytest.mark.django_db
def test_the_map_draws_on_its_own_as_a_labelled_heat_map():
    html = render_to_string(
        "runlog/includes/body_map.html",
        {"body_map": body_map.context(levels={"left-calves": 8}), "map_id": "heat"},
    )
    assert 'role="img"' in html
    assert '<title id="heat-title">' in html and '<desc id="heat-desc">' in html
    assert "level-8" in html
    assert 'type="checkbox"' not in html  # no form: nothing to tick
