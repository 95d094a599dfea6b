"""The runner's dashboard at /me/: the page for an empty log and for a hand-made six-week log,
privacy between runners, its markup rules, the insights cache, and query budgets that do
not grow with the log.

The six-week log (runner in Europe/London; "now" is Sunday 31 May 2026, 21:00 BST):
- weeks of 20 April to 18 May: Monday 8 km and Wednesday 8 km (48 min, RPE 5, warm-up),
  Saturday 12 km (72 min, RPE 5, no warm-up): 28 km and a load of 840 a week;
- the week of 25 May: Monday and Wednesday as before, Saturday 30 May 18 km (108 min,
  RPE 7, no warm-up): 34 km. 18 km is 50 % longer than the longest run of the 30 days
  before (12 km): a spike.
- a check-in the morning after each run (08:00 local): soreness 2 after the warm-up runs, 5
  after the Saturdays and 8 after the spike; sleep 3, tiredness 3, stress 2. The Sunday
  check-ins name the right quads (3/10); every check-in from 12 May names the left calf
  at 5/10 (so it has not eased for over 7 days).

Hand-computed:
- ACWR: acute (25-31 May) 240 + 240 + 756 = 1,236 / 7 = 176.6 a day; chronic (4-24 May)
  3 x 840 / 21 = 120 a day; 1,236 x 3 / 2,520 = 1.47, shown as context with no band words.
- Weeks are 7 days ending today: "now" is a Sunday, so they fall Monday to Sunday here
  (another test moves "now" to a Wednesday).
- Today's longest: the 18 km of 30 May x 1.1 = 19.8 km.
- This week 34 km against a usual (27 April - 24 May) of 112 / 4 = 28 km: 21 % more.
- Monotony of 25-31 May (loads 240, 0, 240, 0, 0, 756, 0): mean 176.57, population
  deviation 258.70, monotony 0.68, strain 1,236 x 0.6825 = 844.
- Weekly soreness: 3.0 in weeks 1-5 ((2 + 2 + 5) / 3), 4.0 in week 6 ((2 + 2 + 8) / 3).
- Warm-up: only the 8 km runs had one; the 12 and 18 km runs (long against the 8 km
  median) went without, so no run compares like with like: no card, no cause linked.
- Soreness map, 8 weeks: 18 check-ins; left calf in 9 (level ceil(90 / 18) = 5), right
  front of thigh in 6 (level ceil(60 / 18) = 4).
"""

import re
from datetime import UTC, date, datetime, timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from helplines import services as helplines_services
from runlog import dashboard
from runlog.models import Run, SorenessEntry, SoreRegion
from tests.test_runlog_factories import make_entry, make_run, make_settings, make_user

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 5, 31, 20, 0, tzinfo=UTC)  # Sunday 21:00 BST
FIRST_MONDAY = date(2026, 4, 20)


@pytest.fixture
def fixed_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


@pytest.fixture
def runner(django_user_model):
    user = make_user(django_user_model)
    make_settings(user, time_zone="Europe/London")
    return user


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def six_week_log(user):
    """The log described at the top of this module."""
    for week in range(6):
        monday = FIRST_MONDAY + timedelta(weeks=week)
        saturday_km, saturday_rpe = (18, 7) if week == 5 else (12, 5)
        for offset, km, rpe, warm_up in ((0, 8, 5, True), (2, 8, 5, True),
                                         (5, saturday_km, saturday_rpe, False)):  # fmt: skip
            day = monday + timedelta(days=offset)
            run = make_run(
                user,
                start=local(day, 7),
                distance_m=km * 1000,
                duration_s=km * 6 * 60,
                rpe=rpe,
                warm_up_done=warm_up,
            )
            after = day + timedelta(days=1)
            soreness = 2 if warm_up else (8 if week == 5 else 5)
            regions = []
            if after >= date(2026, 5, 12):
                regions.append(("calves", "left", 5))
            if offset == 5:
                regions.append(("quads", "right", 3))
            make_entry(
                user,
                regions=regions,
                recorded_at=local(after, 8),
                soreness=soreness,
                sleep_quality=3,
                fatigue=3,
                stress=2,
                run=run,
            )


def page_text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def html(response) -> str:
    return response.content.decode()


def table_rows(page: str, caption_start: str) -> dict[str, list[str]]:
    """The rows of the table whose caption starts so: {row header: [cells]}."""
    for table in re.findall(r"<table.*?</table>", page, re.S):
        caption = re.search(r"<caption>(.*?)</caption>", table, re.S).group(1)
        if caption.startswith(caption_start):
            rows = {}
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
                head = re.search(r'<th scope="row">(.*?)</th>', row, re.S)
                if head:
                    # Week labels keep their words together with no-break spaces.
                    rows[head.group(1).replace("\xa0", " ")] = re.findall(
                        r"<td>(.*?)</td>", row, re.S
                    )
            return rows
    raise AssertionError(f"no table captioned {caption_start!r}")


# ----------------------------------------------------------------- access


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("runlog:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_dashboard_is_private_and_not_indexed(runner_client):
    response = runner_client.get(reverse("runlog:home"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]


# ----------------------------------------------------------------- a new runner


def test_an_empty_log_says_what_to_log_first(runner_client):
    response = runner_client.get(reverse("runlog:home"))
    text = page_text(response)
    assert "Start your log" in text
    assert "the distance, the moving time and how hard it felt" in text
    assert "A check-in the next morning" in text
    page = html(response)
    assert f'href="{reverse("runlog:run_new")}"' in page
    assert f'href="{reverse("runlog:checkin")}"' in page
    assert "<figure" not in page  # no empty charts
    assert "Soreness that is not easing" not in text


def test_the_page_links_to_past_questionnaires(runner_client):
    page = html(runner_client.get(reverse("runlog:home")))
    assert re.search(
        rf'<a [^>]*href="{reverse("assessment_start")}"[^>]*>Your questionnaires<', page
    )


def test_an_empty_log_costs_a_handful_of_queries(runner_client, django_assert_max_num_queries):
    runner_client.get(reverse("runlog:home"))
    with django_assert_max_num_queries(5):
        runner_client.get(reverse("runlog:home"))


# ----------------------------------------------------------------- six weeks


@pytest.fixture
def six_weeks(runner, fixed_now):
    six_week_log(runner)
    return runner


@pytest.fixture
def six_week_page(runner_client, six_weeks):
    response = runner_client.get(reverse("runlog:home"))
    assert response.status_code == 200
    return response


def test_it_leads_with_this_week_against_the_usual(six_week_page):
    page = html(six_week_page)
    lead = re.search(r'<p class="lead dash-week">(.*?)</p>', page, re.S).group(1)
    assert lead == "This week: 34 km, 21 % more than your usual 28 km a week."
    # The first thing after the heading.
    assert page.index("dash-week") < page.index("spikes-heading") < page.index("load-heading")


def test_a_spike_is_flagged_with_its_percentage_and_the_finding(six_week_page):
    text = page_text(six_week_page)
    assert "Flagged: your run of Saturday 30 May" in text
    assert (
        "18.0 km, was 50 % longer than your longest run in the 30 days before it (12.0 km)" in text
    )
    # The figure of its own band (30-100 % longer), not only the smallest.
    card = re.search(r'<li class="card dash-spike">.*?</li>', html(six_week_page), re.S).group(0)
    assert "single runs 30-100 % longer" in page_text_of(card)
    assert "hazard ratio 1.52" in page_text_of(card)
    assert "hazard ratio 1.64" not in page_text_of(card)
    assert "Frandsen et al., BJSM 2025" in text
    run = Run.objects.get(distance_m=18_000)
    assert f'href="{reverse("runlog:run_detail", args=[run.pk])}"' in html(six_week_page)


def test_the_acwr_is_context_only_with_its_caveat(six_week_page):
    page = html(six_week_page)
    assert '<strong class="dash-ratio">1.47</strong>' in page
    assert "dash-band" not in page
    text = page_text(six_week_page)
    assert "averaged a load of 177 a day, against 120 a day in the 21 days before" in text
    assert "weekly ratios like this were not linked to overuse injuries" in text
    section = page_text_of(page.split("load-heading")[1].split("weeks-heading")[0]).lower()
    for words in ("steady", "climbing", "a jump", "less than usual", "sweet spot"):
        assert words not in section
    # Neutral styling: no traffic-light classes or colours.
    assert not re.search(r"\b(red|amber|green|danger|warning)\b", page.split("load-heading")[1]
                         .split("weeks-heading")[0])  # fmt: skip


def test_monotony_and_strain_with_their_caveat(six_week_page):
    text = page_text(six_week_page)
    # Each with its unit and the usual of the 4 weeks before (27 April - 24 May): each of
    # those weeks had loads 240, 0, 240, 0, 0, 360, 0: 840, monotony 120 / 143.4 = 0.84,
    # strain 840 x 0.8367 = 703.
    assert (
        "Load this week 1,236 (effort score × minutes, last 7 days; your usual 840 a week)"
    ) in text
    assert (
        "Monotony 0.68 (average daily load ÷ its spread, rest days as 0; under 2: your days "
        "varied, over 2: most were alike; your usual 0.84)"
    ) in text
    assert "Strain 844 (this week's load × monotony; your usual 703)" in text
    assert "the 4 weeks of 7 days from 27 April to the day before this week" in text
    assert "They describe your week; they do not predict injury." in text


def test_the_weekly_distance_table_has_the_numbers(six_week_page):
    rows = table_rows(html(six_week_page), "Distance per week (km)")
    # From the log's first week: no empty weeks before it.
    assert len(rows) == 6
    assert list(rows)[0] == "20–26 Apr"
    assert rows["20–26 Apr"] == ["28.0", "3"]
    assert rows["27 Apr – 3 May"] == ["28.0", "3"]
    assert rows["18–24 May"] == ["28.0", "3"]
    assert rows["25–31 May (this week)"] == ["34.0", "3"]


def test_the_weekly_distance_is_in_the_runners_unit(runner_client, six_weeks):
    make_settings(six_weeks, distance_unit="mi")
    page = html(runner_client.get(reverse("runlog:home")))
    rows = table_rows(page, "Distance per week (mi)")
    assert rows["25–31 May (this week)"] == ["21.1", "3"]  # 34 km / 1.609344
    assert "Distance per week, in miles" in page
    assert "11.2 mi, was 50 % longer" in page_text_of(page)  # 18 km


def page_text_of(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def test_the_weekly_soreness_table_has_the_numbers(six_week_page):
    rows = table_rows(html(six_week_page), "Average soreness per week")
    assert "9–15 Mar" not in rows and list(rows)[0] == "20–26 Apr"
    assert rows["27 Apr – 3 May"] == ["3.0", "3"]
    assert rows["25–31 May (this week)"] == ["4.0", "3"]


def test_the_hooper_tables_show_each_item_and_the_sum(six_week_page):
    items = table_rows(html(six_week_page), "The Hooper items per week")
    # Soreness 2, 2 and 5 map to 2.2, 2.2 and 4.0: a mean of 2.8.
    assert items["27 Apr – 3 May"] == ["3.0", "3.0", "2.0", "2.8"]
    # Week 6: 2, 2 and 8 map to 2.2, 2.2 and 5.8: 3.4.
    assert items["25–31 May (this week)"] == ["3.0", "3.0", "2.0", "3.4"]
    totals = table_rows(html(six_week_page), "Hooper index per week")
    assert totals["27 Apr – 3 May"] == ["10.8", "3"]
    assert totals["25–31 May (this week)"] == ["11.4", "3"]
    assert "9–15 Mar" not in totals


def test_the_soreness_map_is_a_heat_map_with_a_table(six_week_page):
    page = html(six_week_page)
    # Shaded by how many check-ins named the area: 9 (7-10), 6 (4-6), none.
    assert re.search(r'class="region heat-3" d="[^"]+" data-region="left-calves"', page)
    assert re.search(r'class="region heat-2" d="[^"]+" data-region="right-quads"', page)
    assert re.search(r'class="region heat-0" d="[^"]+" data-region="right-calves"', page)
    assert "<input" not in page.split('id="map-heading"')[1].split("insights-heading")[0]
    rows = table_rows(page, "How often each area was sore")
    assert rows == {"Left calf": ["9 of 18", "5"], "Right front of thigh": ["6 of 18", "3"]}


def test_a_confounded_comparison_shows_no_card_and_no_cause(six_week_page):
    # Only the 8 km runs had a warm-up; the 12 and 18 km runs (long against the 8 km median)
    # went without and were sorer. Nothing compares like with like: no card, no "cold".
    page = html(six_week_page)
    assert 'class="card dash-insight"' not in page
    assert "No comparison has enough data yet." in page_text(six_week_page)
    assert f'href="{reverse("cause_detail", args=["cold"])}"' not in page
    assert f'href="{reverse("strategy_detail", args=["warm_up_cool_down"])}"' not in page
    assert "The cause" not in page
    waiting = re.search(r'<details class="dash-waiting">.*?</details>', page, re.S).group(0)
    assert "Warm-up or none" in waiting
    assert "So far: 0 runs without a warm-up and 0 runs with a warm-up." in page_text_of(waiting)
    assert "at least 5 such runs" in page_text(six_week_page)  # the caveat says the minimum


def test_a_factor_without_enough_runs_says_what_to_log(six_week_page):
    text = page_text(six_week_page)
    assert "Hills or flat" in text
    assert "So far: 0 runs on hilly or downhill routes and 0 runs on flat routes." in text
    assert "Log the terrain with each run" in text
    assert f'href="{reverse("cause_detail", args=["eccentric_load"])}"' not in html(six_week_page)


def warm_up_log(user, without: list[int], with_: list[int]):
    """10 km runs at RPE 5 every other day up to yesterday, alternately without and with a
    warm-up, each checked in the next morning with the given soreness."""
    sides = [(False, s) for s in without] + [(True, s) for s in with_]
    days = len(sides)
    for i, (warmed, soreness) in enumerate(sides):
        day = NOW.date() - timedelta(days=2 * (days - i) - 1)
        run = make_run(user, start=local(day, 7), distance_m=10_000, duration_s=3_000, rpe=5,
                       warm_up_done=warmed)  # fmt: skip
        make_entry(user, run=run, recorded_at=local(day + timedelta(days=1), 8), soreness=soreness)
        # Gone by the evening: ordinary soreness after each run, no problem to follow.
        make_entry(user, recorded_at=local(day + timedelta(days=1), 20), soreness=0)


def insight_card(page: str, title: str) -> str:
    """The markup of the insight card titled so (up to the next card or the section's end)."""
    for chunk in page.split('<li class="card dash-insight">')[1:]:
        card = chunk.split("</section>")[0]
        if f"<h3>{title}</h3>" in card:
            return card
    raise AssertionError(f"no card {title!r}")


def test_a_real_difference_shows_with_its_interval_and_may_be_linked(
    runner, runner_client, fixed_now
):
    # 5 runs without a warm-up (4, 5, 6, 5, 5: 5.0) and 5 with (2, 3, 4, 3, 3: 3.0), all
    # alike: 2.0 points, s2 = 4 / 8, standard error sqrt(0.5 / 2.5); 2.306 x 0.447 = 1.03.
    warm_up_log(runner, without=[4, 5, 6, 5, 5], with_=[2, 3, 4, 3, 3])
    page = html(runner_client.get(reverse("runlog:home")))
    card = insight_card(page, "Warm-up or none")
    text = page_text_of(card)
    assert (
        "soreness at your next check-in was 2.0 points higher after runs without a warm-up "
        "than after runs with a warm-up (5 and 5 runs compared; 95 % interval: 1.0 to 3.0 "
        "points higher)."
    ) in text
    assert "+2.0 points (on your 0-10 soreness; 95 % interval: 1.0 to 3.0 points higher)" in text
    assert "could be chance" not in text
    assert "May be linked to: Cold weather" in text
    assert f'href="{reverse("cause_detail", args=["cold"])}"' in card
    assert f'href="{reverse("strategy_detail", args=["warm_up_cool_down"])}"' in card
    assert "The cause" not in page


def test_a_difference_the_other_way_links_no_cause(runner, runner_client, fixed_now):
    warm_up_log(runner, without=[2, 3, 4, 3, 3], with_=[4, 5, 6, 5, 5])
    page = html(runner_client.get(reverse("runlog:home")))
    card = insight_card(page, "Warm-up or none")
    assert "2.0 points lower after runs without a warm-up" in page_text_of(card)
    assert "-2.0 points" in page_text_of(card)
    assert "May be linked to" not in card and "What may help" not in card
    assert f'href="{reverse("cause_detail", args=["cold"])}"' not in page


def test_a_difference_that_could_be_chance_says_so(runner, runner_client, fixed_now):
    warm_up_log(runner, without=[2, 5, 3, 6, 4], with_=[3, 4, 2, 5, 3])
    card = insight_card(html(runner_client.get(reverse("runlog:home"))), "Warm-up or none")
    assert "This could be chance: the interval includes no difference." in page_text_of(card)
    assert "1.4 points lower to 2.6 points higher" in page_text_of(card)


def test_a_renamed_cause_or_strategy_shows_under_its_new_title(runner, runner_client, fixed_now):
    from assessments.models import Cause, Strategy

    warm_up_log(runner, without=[4, 5, 6, 5, 5], with_=[2, 3, 4, 3, 3])
    url = reverse("runlog:home")
    assert "May be linked to: Cold weather" in page_text(runner_client.get(url))  # now cached
    cause = Cause.objects.get(slug="cold")
    cause.name = "Cold muscles"
    cause.save()
    strategy = Strategy.objects.get(slug="warm_up_cool_down")
    strategy.title = "Warm up first"
    strategy.save()
    text = page_text(runner_client.get(url))
    assert "May be linked to: Cold muscles" in text
    assert "What may help: Warm up first" in text
    assert "Cold weather" not in text
    # An unpublished page has nothing to link to.
    cause.published = False
    cause.save()
    page = html(runner_client.get(url))
    assert f'href="{reverse("cause_detail", args=["cold"])}"' not in page
    assert "What may help: Warm up first" in page_text_of(page)


def test_the_titles_cost_one_query_per_content_revision(
    django_assert_num_queries, django_assert_max_num_queries
):
    from assessments.models import Cause
    from runlog import content

    with django_assert_num_queries(2):  # the revision, then every published title at once
        assert content.titles(content.CAUSE, ["cold", "no_such_cause"]) == {"cold": "Cold weather"}
    with django_assert_num_queries(0):  # within the second, the same revision
        content.titles(content.STRATEGY, ["hydrate"])
        content.revision()
    Cause.objects.filter(slug="cold").update(name="Cold muscles")  # no signal: no new revision
    with django_assert_max_num_queries(1):
        assert content.titles(content.CAUSE, ["cold"]) == {"cold": "Cold weather"}
    cause = Cause.objects.get(slug="cold")
    cause.save()  # an editor's save: a new revision
    with django_assert_num_queries(2):
        assert content.titles(content.CAUSE, ["cold"]) == {"cold": "Cold muscles"}


def test_without_a_provider_titles_are_made_from_the_slugs(monkeypatch):
    from runlog import content

    monkeypatch.setattr(content._registry, "provider", None)
    monkeypatch.setattr(content._registry, "revision", None)
    assert content.titles(content.CAUSE, ["eccentric_load"]) == {"eccentric_load": "Eccentric load"}
    assert content.revision() is None
    with pytest.raises(ValueError):
        content.titles("question", ["x"])


def see_someone(page: str):
    return re.search(r'<section class="triage [^"]*see-someone".*?</section>', page, re.S)


def test_a_sore_spot_that_is_not_easing_is_said_plainly_with_the_questionnaire(six_week_page):
    page = html(six_week_page)
    notice = see_someone(page)
    assert notice, "no see-someone notice"
    text = page_text_of(notice.group(0))
    assert "Left calf" in text and "not easing" in text
    assert "GP or physiotherapist" in text
    assert f'href="{reverse("assessment_start")}"' in notice.group(0)
    # Prominent: before the metrics, and no "today's longest" beside it.
    assert page.index("see-someone-heading") < page.index("spikes-heading")
    assert "dash-longest" not in page


def test_the_check_in_page_says_so_too(runner_client, six_weeks):
    response = runner_client.get(reverse("runlog:checkin"))
    notice = see_someone(html(response))
    assert notice, "no see-someone notice on the check-in page"
    assert "Left calf" in notice.group(0)
    assert f'href="{reverse("assessment_start")}"' in notice.group(0)
    # With HTMX (the check-in section swapped in place) it is there too.
    partial = runner_client.get(reverse("runlog:checkin"), headers={"HX-Request": "true"})
    assert "see-someone-heading" in html(partial)


def test_soreness_that_eased_raises_no_notice(runner_client, runner, fixed_now):
    run = make_run(runner, start=local(date(2026, 5, 26), 7), rpe=5)
    for day, soreness in ((27, 5), (28, 3), (29, 1)):
        make_entry(runner, run=run, recorded_at=local(date(2026, 5, day), 8), soreness=soreness,
                   regions=[("calves", "left", soreness)])  # fmt: skip
    for name in ("runlog:home", "runlog:checkin"):
        assert "see-someone" not in html(runner_client.get(reverse(name)))


# ----------------------------------------------------------------- markup


def test_no_inline_style_or_script(six_week_page):
    page = html(six_week_page)
    assert not re.search(r"\sstyle=", page)
    assert "<style" not in page
    for tag in re.findall(r"<script[^>]*>", page):
        assert " src=" in tag, tag
    assert not re.search(r"\son[a-z]+=", page)  # no event handler attributes


def test_every_chart_has_a_title_a_description_and_a_table(six_week_page):
    page = html(six_week_page)
    figures = re.findall(r'<figure class="chart" id="([^"]+)">(.*?)</figure>', page, re.S)
    assert [ident for ident, _ in figures] == [
        "chart-load-soreness",
        "chart-distance",
        "chart-soreness",
        "chart-hooper",
        "chart-hooper-items",
    ]
    for ident, body in figures:
        assert re.search(r'<figcaption class="chart-title">\S.*?</figcaption>', body, re.S)
        svg = re.search(r"<svg class=\"chart-svg\"([^>]*)>(.*?)</svg>", body, re.S)
        attrs, inside = svg.groups()
        assert 'role="img"' in attrs
        assert f'aria-labelledby="{ident}-title {ident}-desc"' in attrs
        assert 'viewBox="0 0 320 180"' in attrs
        assert re.search(rf'<title id="{ident}-title">\S.*?</title>', inside, re.S)
        assert re.search(rf'<desc id="{ident}-desc">\S.*?</desc>', inside, re.S)
        # The numbers after the picture, behind a closed "Show the numbers".
        table = body[svg.end() :]
        assert re.search(
            r'<details class="dash-numbers">\s*<summary>Show the numbers</summary>\s*<table', table
        )
        assert re.search(r"<table[^>]*>\s*<caption>\S", table)
        assert '<th scope="col">' in table
        assert table.count('<th scope="row">') == 6  # the weeks since the log began


def test_the_bars_match_the_table(six_week_page):
    figure = re.search(
        r'<figure class="chart" id="chart-distance">.*?</figure>', html(six_week_page), re.S
    ).group(0)
    bars = re.findall(r'<rect class="bar( is-current)?" x="[^"]+" y="([^"]+)" width="[^"]+" '
                      r'height="([^"]+)"/>', figure)  # fmt: skip
    assert len(bars) == 6  # from the log's first week
    heights = [float(height) for _, _, height in bars]
    # Axis 0-40 km over a plot 146 units high: 28 km is 102.2, 34 km 124.1.
    assert heights[:5] == [102.2] * 5
    assert heights[5] == 124.1
    assert bars[5][0] == " is-current"


def test_headings_go_in_order(six_week_page):
    levels = [int(level) for level in re.findall(r"<h([1-6])", html(six_week_page))]
    assert levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1


# ----------------------------------------------------------------- privacy


def test_another_runners_log_is_never_shown(client, django_user_model, six_weeks):
    other = make_user(django_user_model, "other")
    make_settings(other, time_zone="Europe/London")
    make_run(other, start=local(date(2026, 5, 29), 7), distance_m=5_000, duration_s=1_800, rpe=3)
    make_entry(other, recorded_at=local(date(2026, 5, 30), 8), soreness=1,
               regions=[("shins", "right", 1)])  # fmt: skip
    # The owner's page first, so the owner's insights are cached.
    client.force_login(six_weeks)
    assert "50 % longer" in page_text(client.get(reverse("runlog:home")))
    client.force_login(other)
    response = client.get(reverse("runlog:home"))
    text = page_text(response)
    assert "This week: 5 km." in text
    assert "50 % longer" not in text
    assert "1.47" not in text
    assert "Left calf: 4/10" not in text
    assert re.search(r'class="region heat-0" d="[^"]+" data-region="left-calves"', html(response))
    assert re.search(r'class="region heat-1" d="[^"]+" data-region="right-shins"', html(response))
    assert "not-easing" not in html(response)
    assert "12 runs with a warm-up" not in text
    rows = table_rows(html(response), "How often each area was sore")
    assert rows == {"Right shin": ["1 of 1", "1"]}
    assert "Left calf: 4/10" not in page_text(client.get(reverse("runlog:checkin")))


# ----------------------------------------------------------------- the insights cache


def test_insights_are_cached_until_the_log_changes(runner, runner_client, six_weeks, monkeypatch):
    calls = []
    real = dashboard.compute_insights

    def counting(*args):
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(dashboard, "compute_insights", counting)
    runner_client.get(reverse("runlog:home"))
    runner_client.get(reverse("runlog:home"))
    assert len(calls) == 1
    # A new check-in (or run, or an edit) makes a new fingerprint.
    make_entry(runner, recorded_at=NOW - timedelta(hours=1), soreness=1)
    runner_client.get(reverse("runlog:home"))
    assert len(calls) == 2
    run = Run.objects.filter(owner=runner).first()
    run.warm_up_done = not run.warm_up_done
    monkeypatch.setattr(timezone, "now", lambda: NOW + timedelta(seconds=5))
    run.save()
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    runner_client.get(reverse("runlog:home"))
    assert len(calls) == 3
    run.delete()
    runner_client.get(reverse("runlog:home"))
    assert len(calls) == 4


def test_an_unreadable_cache_entry_is_recomputed(runner_client, six_weeks, monkeypatch):
    real_get = cache.get

    def stale(key, *args, **kwargs):
        if "runlog:insights" in key:
            return [{"from": "an older shape of Insight"}]
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", stale)
    text = page_text(runner_client.get(reverse("runlog:home")))
    assert "So far: 0 runs without a warm-up and 0 runs with a warm-up." in text


# ----------------------------------------------------------------- query budgets


def bulk_log(user, runs: int, checkins: int, now: datetime):
    """`runs` runs, one every 8 hours back from yesterday, and `checkins` check-ins, one every
    12 hours, each with a region: inserted in bulk."""
    start = now - timedelta(days=1)
    Run.objects.bulk_create(
        Run(
            owner=user,
            start=start - timedelta(hours=8 * i),
            distance_m=5_000 + (i % 7) * 1_000,
            duration_s=1_800 + (i % 5) * 300,
            rpe=i % 11,
            terrain=("flat", "hilly", "")[i % 3],
            temperature_c=(i % 30) - 5,
            fluids=("little", "plenty", "")[i % 3],
            warm_up_done=(True, False, None)[i % 3],
        )  # fmt: skip
        for i in range(runs)
    )
    entries = SorenessEntry.objects.bulk_create(
        SorenessEntry(owner=user, recorded_at=now - timedelta(hours=12 * i + 1), soreness=i % 11,
                      sleep_quality=1 + i % 7, fatigue=1 + (i + 1) % 7, stress=1 + (i + 2) % 7)
        for i in range(checkins)
    )  # fmt: skip
    SoreRegion.objects.bulk_create(
        SoreRegion(entry=entry, region=("calves", "quads", "shins")[i % 3],
                   side=("left", "right", "")[i % 3], soreness=i % 11)
        for i, entry in enumerate(entries)
    )  # fmt: skip


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


# session, user, settings, 2 aggregates, 2 windows, the follow-up answers, 2 on a cache miss
DASHBOARD_BUDGET = 10


@pytest.fixture
def steady_content(monkeypatch):
    """The content revision and the linked pages' titles as a running process holds them:
    read already, and not asked again within the test. They cost at most one query a second
    (the revision) and one per content revision (the titles), whatever the log
    (test_the_titles_cost_one_query_per_content_revision); left out, the counts below are
    the log's alone and do not depend on how long the big log takes."""
    from assessments import content as assessments_content
    from runlog import content

    monkeypatch.setattr(assessments_content, "RECHECK_SECONDS", float("inf"))
    content.titles(content.CAUSE, ["cold"])  # reads the revision and every title


def test_the_dashboard_costs_the_same_for_20_or_5000_runs(
    client, django_user_model, fixed_now, django_assert_max_num_queries, steady_content
):
    small = make_user(django_user_model, "small")
    big = make_user(django_user_model, "big")
    bulk_log(small, 20, 10, NOW)
    bulk_log(big, 5_000, 2_000, NOW)
    counts = {}
    for user in (small, big):
        client.force_login(user)
        client.get(reverse("runlog:runs"))  # the settings row exists from here on
        cache.clear()
        # The helplines (beside a notice) are read once per process and kept a while, not
        # per request: loaded here, as any earlier page would have.
        helplines_services.countries()
        with django_assert_max_num_queries(DASHBOARD_BUDGET):
            miss = queries_for(client, reverse("runlog:home"))
        with django_assert_max_num_queries(5):  # session, user, settings, two aggregates
            hit = queries_for(client, reverse("runlog:home"))
        counts[user.username] = (miss, hit)
    assert counts["small"] == counts["big"]
    assert counts["big"][1] < counts["big"][0]  # a cached page skips the log's reads


def test_the_dashboard_of_a_long_log_renders_and_is_cached(client, django_user_model, fixed_now):
    big = make_user(django_user_model, "big")
    bulk_log(big, 5_000, 2_000, NOW)
    client.force_login(big)
    client.get(reverse("runlog:runs"))
    cache.clear()
    response = client.get(reverse("runlog:home"))
    assert response.status_code == 200
    assert "What your log says" in page_text(response)
    again = client.get(reverse("runlog:home"))  # from the page cache: the same page
    assert page_text(again) == page_text(response)


def test_the_runs_list_stays_in_budget_with_5000_runs(
    client, django_user_model, fixed_now, django_assert_max_num_queries
):
    big = make_user(django_user_model, "big")
    bulk_log(big, 5_000, 2_000, NOW)
    client.force_login(big)
    client.get(reverse("runlog:runs"))
    with django_assert_max_num_queries(7):
        response = client.get(reverse("runlog:runs"))
    assert response.status_code == 200
    with django_assert_max_num_queries(7):
        client.get(reverse("runlog:runs") + "?page=200")


def test_the_check_in_page_stays_in_budget_with_a_long_log(
    client, django_user_model, fixed_now, django_assert_max_num_queries
):
    big = make_user(django_user_model, "big")
    bulk_log(big, 5_000, 2_000, NOW)
    client.force_login(big)
    client.get(reverse("runlog:checkin"))
    # The watch reads the check-ins, runs and follow-up answers of 12 weeks: 3 queries.
    with django_assert_max_num_queries(9):
        client.get(reverse("runlog:checkin"))


# ----------------------------------------------------------------- windows and markers


def test_runs_before_the_window_still_count_for_the_log_and_its_breaks(
    runner, runner_client, fixed_now
):
    # A run 200 days ago, then nothing until 20 days ago: a break. The ACWR is hidden
    # "after a break" (not "too little log"), and the break's length is the real one.
    make_run(runner, start=NOW - timedelta(days=200), rpe=5)
    for i in range(10):
        make_run(runner, start=NOW - timedelta(days=20 - 2 * i), rpe=5)
    text = page_text(runner_client.get(reverse("runlog:home")))
    assert "After your break of 179 days without runs" in text


def test_a_log_that_started_long_ago_is_compared_with_the_usual(runner, runner_client, fixed_now):
    # Only the last 20 days in the window's reach of "usual", but the log began 300 days ago:
    # the usual week is the 28 days before this week (13 runs, 65 km / 4), not "too little
    # history".
    make_run(runner, start=NOW - timedelta(days=300), rpe=5)
    for i in range(20):
        make_run(runner, start=NOW - timedelta(days=i, hours=1), distance_m=5_000, rpe=5)
    text = page_text(runner_client.get(reverse("runlog:home")))
    assert "This week: 35 km, 115 % more than your usual 16 km a week." in text


# ----------------------------------------------------------------- partial logs


def test_check_ins_without_runs(runner, runner_client, fixed_now):
    make_entry(runner, recorded_at=NOW - timedelta(days=2), soreness=4,
               regions=[("knees", "left", 4)])  # fmt: skip
    response = runner_client.get(reverse("runlog:home"))
    text = page_text(response)
    assert "No runs logged yet: log your first run to start." in text
    assert "No ratio yet. Log your runs with an effort score (RPE) for 4 weeks" in text
    assert "No figure: no rated load in the last 7 days." in text
    assert "No runs in the last 12 weeks." in text
    assert 'id="chart-distance"' not in html(response)
    assert table_rows(html(response), "Average soreness per week")["25–31 May (this week)"] == [
        "4.0",
        "1",
    ]


def test_runs_without_an_effort_score_are_counted_not_guessed(runner, runner_client, fixed_now):
    for i in range(3):
        make_run(runner, start=NOW - timedelta(days=i + 1), rpe=None)
    text = page_text(runner_client.get(reverse("runlog:home")))
    assert "No figure: no rated load in the last 7 days." in text
    assert "3 runs without an effort score left out." in text
    assert "The ratio needs 28 days of log; yours starts on 28 May 2026." in text
    assert "No check-ins in the last 12 weeks." in text
    assert "No check-ins in the last 8 weeks." in text


# ----------------------------------------------------------------- honest numbers


def spike_section(response) -> str:
    page = html(response)
    return page_text_of(page.split('id="spikes-heading"')[1].split('id="load-heading"')[0])


def glance_card(response) -> str:
    found = re.search(r'<section class="card dash-glance".*?</section>', html(response), re.S)
    assert found, "no glance card"
    return page_text_of(found.group(0))


def test_a_short_log_is_too_short_to_compare(runner, runner_client, fixed_now):
    # Two runs 3 days apart in a 4-day log, the second 111 % longer: never flagged as such,
    # and never "no run was more than 10 % longer" either.
    make_run(runner, start=local(date(2026, 5, 28), 7), distance_m=5_000, duration_s=1_800)
    make_run(runner, start=local(date(2026, 5, 31), 7), distance_m=10_550, duration_s=3_900)
    response = runner_client.get(reverse("runlog:home"))
    section = spike_section(response)
    assert "Flagged" not in section
    assert "111" not in section
    assert "No run in the last 28 days was more than 10 % longer" not in section
    assert (
        "2 runs in the last 28 days could not be compared. Your log starts on 28 May 2026: too "
        "short to compare these runs with the 30 days before them. Runs are compared from "
        "27 June 2026."
    ) in section
    assert "Today's longest: 11.6 km." in unescape(page_text(response))  # 10.55 km x 1.1


def test_a_first_run_after_a_break_is_named_with_its_advice(runner, runner_client, fixed_now):
    # Runs until 1 January (before the runs the dashboard reads), then Friday 29 May.
    for day in (date(2025, 12, 12), date(2025, 12, 22), date(2026, 1, 1)):
        make_run(runner, start=local(day, 7), distance_m=10_000, duration_s=3_600, rpe=5)
    back = make_run(runner, start=local(date(2026, 5, 29), 7), distance_m=12_000,
                    duration_s=4_300, rpe=6)  # fmt: skip
    response = runner_client.get(reverse("runlog:home"))
    section = spike_section(response)
    assert (
        "After a break: your run of Friday 29 May , 12.0 km. Your first run after a break of "
        "147 days: start shorter than before the break and build up."
    ) in glance_card(response)
    assert f'href="{reverse("runlog:run_detail", args=[back.pk])}"' in html(response)
    assert "Flagged" not in section
    assert "No run in the last 28 days was more than 10 % longer" not in section
    assert (
        "1 run in the last 28 days could not be compared: it was your first run after a break "
        "of 30 days or more"
    ) in section


def test_todays_longest_is_near_the_top(runner, runner_client, fixed_now):
    for day, km in ((4, 12), (11, 12), (18, 14), (25, 16), (30, 18)):
        make_run(runner, start=local(date(2026, 5, day), 7), distance_m=km * 1000,
                 duration_s=km * 330)  # fmt: skip
    make_run(runner, start=local(date(2026, 4, 20), 7), distance_m=8_000, duration_s=2_700)
    page = html(runner_client.get(reverse("runlog:home")))
    line = re.search(r'<p class="dash-longest">(.*?)</p>', page, re.S).group(1)
    assert unescape(line) == (
        "Today's longest: 19.8 km. That keeps a run today within 10 % of your longest in the "
        "last 30 days (18.0 km on 30 May 2026)."
    )
    assert page.index("dash-week") < page.index("dash-longest") < page.index("spikes-heading")


def test_todays_longest_without_a_run_in_the_last_30_days(runner, runner_client, fixed_now):
    make_run(runner, start=local(date(2026, 4, 20), 7), distance_m=10_000, duration_s=3_600)
    text = unescape(page_text(runner_client.get(reverse("runlog:home"))))
    assert "No run in the last 30 days: start shorter than your usual and build up." in text
    assert "Today's longest:" not in text


def test_this_week_is_the_7_days_ending_today_everywhere(runner, runner_client, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 5, 27, 19, 0, tzinfo=UTC))
    # Today is Wednesday 27 May: Friday 22 May is in "this week" (21-27 May), although it is
    # in last calendar week; 20 May is in the week before.
    for day, metres in ((20, 5_000), (22, 9_000), (25, 6_000)):
        make_run(runner, start=local(date(2026, 5, day), 7), distance_m=metres,
                 duration_s=metres * 6 // 10, rpe=5)  # fmt: skip
    response = runner_client.get(reverse("runlog:home"))
    text = page_text(response)
    assert "This week: 15 km." in text
    assert "Each bar is a week of 7 days; the last one ends today (21–27 May)." in text
    rows = table_rows(html(response), "Distance per week (km)")
    assert rows["21–27 May (this week)"] == ["15.0", "2"]
    assert rows["14–20 May"] == ["5.0", "1"]
    assert list(rows)[0] == "14–20 May"  # the log's first week: no empty weeks before it
    assert "Monotony and strain, last 7 days" in text


def test_the_run_form_gives_todays_longest_in_the_runners_unit(runner, runner_client, fixed_now):
    make_settings(runner, distance_unit="mi")
    make_run(runner, start=local(date(2026, 5, 20), 7), distance_m=16_000, duration_s=5_400)
    page = html(runner_client.get(reverse("runlog:run_new")))
    hint = re.search(r'<div class="helptext" id="id_distance_helptext">(.*?)</div>', page, re.S)
    assert unescape(hint.group(1)) == (
        "Today's longest: 10.9 mi. That keeps a run today within 10 % of your longest in the "
        "last 30 days (9.9 mi on 20 May 2026)."
    )  # 17,600 m is 10.94 mi: rounded down, never over the limit
    assert 'aria-describedby="id_distance_helptext"' in page


def test_the_run_form_without_a_run_in_the_last_30_days(runner_client, fixed_now):
    page = unescape(html(runner_client.get(reverse("runlog:run_new"))))
    assert "No run in the last 30 days: start shorter than your usual and build up." in page


# ----------------------------------------------------------------- plain helpers


@pytest.mark.parametrize(
    ("count", "checkins", "level"),
    [(0, 5, 0), (1, 0, 0), (1, 18, 1), (9, 18, 5), (6, 18, 4), (17, 18, 10), (18, 18, 10)],
)
def test_heat_levels_are_the_share_of_check_ins_in_tenths_rounded_up(count, checkins, level):
    assert dashboard.heat_level(count, checkins) == level


def test_a_region_named_without_a_side_shades_both_legs():
    from runlog.load import CheckIn, Region

    today = date(2026, 5, 31)
    checkins = [
        CheckIn(day=today, recorded_at=NOW, soreness=3, regions=(Region("knees", "", 3),)),
        CheckIn(day=today, recorded_at=NOW, soreness=3, regions=(Region("shins", "left", 2),)),
    ]
    found = dashboard.soreness_map(checkins, today)
    bands = {region["value"]: region["level"] for region in found.body_map["regions"]}
    assert bands["left-knees"] == bands["right-knees"] == 1  # named once: 1-3 check-ins
    assert bands["left-shins"] == 1
    assert bands["right-shins"] is None
    assert [row.count.label for row in found.rows] == ["Knee", "Left shin"]


def test_a_spike_just_over_10_percent_says_so():
    from runlog.load import RunFacts, spike_checks

    def run(day, metres):
        start = datetime(2026, 5, day, 7, tzinfo=UTC)
        return RunFacts(day=start.date(), start=start, distance_m=metres, duration_s=3600)

    log_start = date(2026, 3, 1)  # a log that covers the 30 days before both runs
    check = spike_checks([run(1, 10_000), run(10, 11_004)], log_start)[-1]
    assert check.flagged
    spike = dashboard._spike(check, "km")
    assert (spike.percent, spike.distance, spike.longest_before) == (
        "just over 10",
        "11.0 km",
        "10.0 km",
    )
    checks = spike_checks([run(1, 10_000), run(2, 12_345)], log_start)
    assert dashboard._spike(checks[-1], "mi").percent == "23.4"


# ----------------------------------------------------------------- the glance (issue 17)


def test_the_overview_opens_with_the_notice_then_one_card_then_one_chart(six_week_page):
    page = html(six_week_page)
    # The see-someone notice first, never folded; then the glance card, then the one chart
    # of load and soreness; every other section after them, folded.
    notice, card = page.index("see-someone-heading"), page.index('class="card dash-glance"')
    chart = page.index('id="chart-load-soreness"')
    first_fold = page.index('<details class="dash-fold"')
    assert notice < card < chart < first_fold
    assert page.rfind("<details", 0, notice) < page.rfind("</details>", 0, notice)
    text = glance_card(six_week_page)
    # Today's check-in (Sunday 31 May, 08:00) and the spots the log follows.
    assert "Soreness today: 8/10 (Left calf 5/10, Right front of thigh 3/10)." in text
    assert "Left calf : sore since 12 May (day 20), 5/10 on 31 May. See someone" in text
    assert 'href="#see-someone-heading"' in page[card:chart]
    # This week against the usual, and the flagged run, in full.
    assert "This week: 34 km, 21 % more than your usual 28 km a week." in text
    assert "Flagged: your run of Saturday 30 May , 18.0 km, was 50 % longer" in text
    assert "hazard ratio 1.52" in text
    # Beside a notice, nothing that says "run on".
    assert "Today's longest" not in text


def test_the_glance_card_without_a_notice_gives_todays_longest(runner, runner_client, fixed_now):
    for day in (20, 24, 27):
        make_run(runner, start=local(date(2026, 5, day), 7), distance_m=10_000,
                 duration_s=3_000, rpe=5)  # fmt: skip
    make_entry(runner, recorded_at=local(date(2026, 5, 28), 8), soreness=2)
    text = unescape(glance_card(runner_client.get(reverse("runlog:home"))))
    assert "No check-in today yet. Your latest, on 28 May: 2/10. Check in" in text
    assert "Today's longest: 11.0 km." in text
    assert "This week: 10 km." in text
    assert "Legs overall : sore since 28 May (day 4), 2/10 on 28 May." in text
    assert "Flagged" not in text


def test_the_load_and_soreness_chart_has_two_titled_axes_a_legend_and_its_numbers(six_week_page):
    page = html(six_week_page)
    figure = re.search(
        r'<figure class="chart" id="chart-load-soreness">.*?</figure>', page, re.S
    ).group(0)
    assert "Bars: Training load (RPE × minutes), left axis" in page_text_of(figure)
    assert "Line: Average soreness (0-10), right axis" in page_text_of(figure)
    titles = re.search(r'<g class="chart-axis-titles">(.*?)</g>', figure, re.S).group(1)
    assert re.findall(r">(\w+)</text>", titles) == ["Load", "Soreness"]
    # The right axis: soreness 0-10 in 4 steps; the left: load 0-1,500 (1,236 this week).
    labels = re.findall(r'text-anchor="start">([\d.]+)</text>', figure)
    assert labels == ["0", "2.5", "5", "7.5", "10"]
    bars = re.search(r'<g class="chart-bars">(.*?)</g>', figure, re.S).group(1)
    assert len(re.findall(r'<rect class="dual-bar', bars)) == 6
    assert re.search(r'<polyline points="[^"]+"/>', figure)
    assert '<details class="dash-numbers">' in figure and "<details open" not in figure
    rows = table_rows(page, "Load and soreness per week")
    assert list(rows)[0] == "20–26 Apr"  # the log's first week
    assert rows["20–26 Apr"] == ["840", "3.0", "3", "3"]
    assert rows["25–31 May (this week)"] == ["1,236", "4.0", "3", "3"]
    assert "Load (RPE × min)" in figure and "Soreness (0-10)" in figure


def test_a_new_log_charts_only_its_own_weeks(runner, runner_client, fixed_now):
    make_run(runner, start=local(date(2026, 5, 29), 7), rpe=4)
    page = html(runner_client.get(reverse("runlog:home")))
    assert list(table_rows(page, "Load and soreness per week")) == ["25–31 May (this week)"]
    assert list(table_rows(page, "Distance per week")) == ["25–31 May (this week)"]
    # Every week is labelled when they fit.
    figure = re.search(r'id="chart-distance">.*?</figure>', page, re.S).group(0)
    assert "31\xa0May</text>" in figure


def test_every_other_section_is_folded_and_says_what_is_inside(six_week_page):
    page = html(six_week_page)
    folds = re.findall(
        r'<details class="dash-fold" id="([a-z]+)"( open)?>\s*<summary><h2 id="\1-heading">'
        r"([^<]+)</h2> <span class=\"dash-fold-what\">([^<]+)</span></summary>",
        page,
    )
    assert [slug for slug, *_ in folds] == list(dashboard.SECTION_SLUGS)
    assert all(not opened for _, opened, _, _ in folds)
    what = {slug: unescape(text) for slug, _, _, text in folds}
    assert what["spikes"].endswith(": 1 flagged.")
    assert what["insights"].endswith(": 0 comparisons with enough data.")
    for slug in dashboard.SECTION_SLUGS:
        assert f'href="{reverse("runlog:dashboard_section", kwargs={"section": slug})}"' in page
    # No table is open: each is behind a closed "Show the numbers".
    for table in re.finditer(r"<table", page):
        assert page.rfind("<summary>Show the numbers</summary>", 0, table.start()) > page.rfind(
            "</details>", 0, table.start()
        )


@pytest.mark.parametrize(
    ("slug", "path", "title", "inside"),
    [
        ("spikes", "/me/spikes/", "Single-run spikes", "Flagged: your run of Saturday 30 May"),
        ("load", "/me/load/", "Training load", "Monotony 0.68"),
        ("distance", "/me/distance/", "Distance per week", "Distance per week, in kilometres"),
        ("soreness", "/me/soreness/", "Soreness per week", "Average soreness per week, 0 to 10"),
        ("recovery", "/me/recovery/", "Sleep, tiredness and stress", "Hooper index per week"),
        ("map", "/me/map/", "Where your legs were sore", "Not named"),
        ("insights", "/me/insights/", "What your log says", "No comparison has enough data"),
    ],
)
def test_each_section_has_its_own_url_open_with_the_notice_above(
    runner_client, six_weeks, slug, path, title, inside
):
    assert reverse("runlog:dashboard_section", kwargs={"section": slug}) == path
    response = runner_client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    page = html(response)
    assert re.search(rf"<h1>{title}</h1>", page)
    assert f'<details class="dash-fold" id="{slug}" open>' in page
    assert page.count('<details class="dash-fold"') == 1  # that section alone
    assert inside in unescape(page_text(response))
    assert 'class="card dash-glance"' not in page
    # A warning is never folded or left out: the notice leads every section's page.
    notice = see_someone(page)
    assert notice and "Left calf" in notice.group(0)
    assert page.index("see-someone-heading") < page.index(f'id="{slug}"')
    assert f'href="{reverse("runlog:home")}"' in page


def test_an_unknown_section_is_a_404_and_sections_need_sign_in(runner_client):
    from django.test import Client

    assert runner_client.get("/me/nothing/").status_code == 404
    response = Client().get("/me/load/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_section_page_costs_no_more_than_the_overview(
    client, django_user_model, fixed_now, django_assert_max_num_queries, steady_content
):
    big = make_user(django_user_model, "big")
    bulk_log(big, 2_000, 800, NOW)
    client.force_login(big)
    client.get(reverse("runlog:runs"))
    cache.clear()
    with django_assert_max_num_queries(DASHBOARD_BUDGET):
        assert client.get("/me/load/").status_code == 200
    with django_assert_max_num_queries(5):  # the overview's page is cached on its own key
        assert client.get("/me/load/").status_code == 200


def test_the_usual_waits_for_five_weeks_of_log(runner, runner_client, fixed_now):
    for day in (25, 27, 29):
        make_run(runner, start=local(date(2026, 5, day), 7), distance_m=8_000,
                 duration_s=2_880, rpe=5)  # fmt: skip
    text = page_text(runner_client.get("/me/load/"))
    assert "Load this week 720 (effort score × minutes, last 7 days)" in text
    assert "your usual" not in text.split("Monotony and strain")[1].split("Your usual shows")[0]
    assert "Your usual shows once your log covers 5 weeks, from 28 June." in text


def test_the_ratio_says_what_it_divides(six_week_page):
    text = unescape(page_text(six_week_page))
    assert (
        "1.47 average daily load of the last 7 days ÷ that of the 21 days before; 1.00 is the "
        "same as those 3 weeks"
    ) in text


@pytest.mark.parametrize(
    ("count", "band"),
    [(0, 0), (1, 1), (3, 1), (4, 2), (6, 2), (7, 3), (10, 3), (11, 4), (60, 4)],
)
def test_heat_bands_count_the_check_ins_that_named_an_area(count, band):
    assert dashboard.heat_band(count) == band


def test_the_heat_map_tells_1_from_7_of_26_check_ins_with_a_legend(
    runner, runner_client, fixed_now
):
    # 26 check-ins in 8 weeks: the left shin named in 1, the right calf in 7. As shares
    # (1/26 and 7/26, both under 3 tenths) they once had one colour; as counts they differ.
    for i in range(26):
        regions = []
        if i == 0:
            regions.append(("shins", "left", 2))
        if i < 7:
            regions.append(("calves", "right", 3))
        make_entry(runner, recorded_at=NOW - timedelta(days=2 * i, hours=1), soreness=1,
                   regions=regions)  # fmt: skip
    page = html(runner_client.get("/me/map/"))
    shin = re.search(r'class="region (heat-\d)" d="[^"]+" data-region="left-shins"', page)
    calf = re.search(r'class="region (heat-\d)" d="[^"]+" data-region="right-calves"', page)
    assert (shin.group(1), calf.group(1)) == ("heat-1", "heat-3")
    legend = re.search(r'<ul class="dash-heat-legend"[^>]*>(.*?)</ul>', page, re.S).group(1)
    keys = re.findall(r'<rect class="(heat-\d)"[^>]*/></svg>([^<]+)</li>', legend)
    assert keys == [
        ("heat-0", "Not named"),
        ("heat-1", "1–3 check-ins"),
        ("heat-2", "4–6 check-ins"),
        ("heat-3", "7–10 check-ins"),
        ("heat-4", "11 or more"),
    ]
    rows = table_rows(page, "How often each area was sore")
    assert rows == {"Right calf": ["7 of 26", "3"], "Left shin": ["1 of 26", "2"]}


def test_editor_and_runner_text_stays_escaped_in_the_sections(runner, runner_client, fixed_now):
    from assessments.models import Cause

    warm_up_log(runner, without=[4, 5, 6, 5, 5], with_=[2, 3, 4, 3, 3])
    cause = Cause.objects.get(slug="cold")
    cause.name = "<b>Cold</b> & wet"
    cause.save()
    page = html(runner_client.get("/me/insights/"))
    assert "&lt;b&gt;Cold&lt;/b&gt; &amp; wet" in page
    assert "<b>Cold</b>" not in page
