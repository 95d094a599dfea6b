"""The run log's pages: a runner's runs, check-ins, settings and exports.

Every view is for the signed-in runner and reads only their rows: another runner's run or
check-in is a 404 (never a 403, which would tell that it exists). Pages are shown in the
runner's time zone and units. Forms post and redirect without JavaScript; with HTMX the list
swaps a row into a form and back, and refused input comes back as 422 with the form.
"""

import csv
import functools
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, F, Sum, Window
from django.db.models.functions import RowNumber, TruncWeek
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe
from django_htmx.http import reswap, retarget

from helplines.services import helplines_for
from legache.htmx import render_either, wants_partial
from legache.page_cache import cached_page

from . import dashboard, days, export, queries, route, units, watch
from .forms import CheckInForm, RunForm, SettingsForm
from .models import Run

logger = logging.getLogger(__name__)

RUNS_PER_PAGE = 20
ENTRIES_PER_PAGE = 20
RECENT_ENTRIES = 5


def runner_view(view):
    """The runner's settings at hand (`request.runner`), their time zone active for forms
    and templates, and the response kept out of shared caches and search engines."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        request.runner = queries.settings_for(request.user)
        if not days.is_time_zone(request.runner.time_zone):
            # A zone this machine's tz database no longer has (renamed or removed): UTC
            # until the runner picks one, rather than an error on every page.
            request.runner.time_zone = "UTC"
        with timezone.override(days.zone(request.runner.time_zone)):
            response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper


def _own_entries(user):
    return queries.entries_of(user).select_related("run").prefetch_related("regions")


_OWN = {"run": (queries.runs_of, "run_id"), "entry": (_own_entries, "entry_id")}


def own(kind: str, rows=None, argument: str | None = None):
    """Hand the view the runner's own row named in the URL, or 404: a run or a check-in by
    `kind` alone, anything else by `rows` (a model with an `owner`, or a function from the
    runner to their rows) and the URL's `argument`.

    The lookup comes before the method check, so another runner's id is a 404 whatever the
    method: nobody learns that it exists, or which methods its URL takes.
    """
    if rows is None:
        rows, argument = _OWN[kind]
    elif isinstance(rows, type):
        model = rows
        rows = lambda user: model.objects.filter(owner=user)  # noqa: E731 - one line reads best

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            kwargs[kind] = get_object_or_404(rows(request.user), pk=kwargs.pop(argument))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


@login_required
@require_safe
@runner_view
def home(request):
    """The dashboard: a glance card (today, this week, flags) and one chart of load and
    soreness, then the rest folded into sections, read in a fixed number of queries (see
    runlog.dashboard)."""
    return _dashboard(request, "")


@login_required
@require_safe
@runner_view
def dashboard_section(request, section):
    """One folded section of the dashboard on its own page, open (/me/load/, /me/map/...),
    with any see-someone notice above it as on the overview."""
    if section not in dashboard.SECTION_SLUGS:
        raise Http404
    return _dashboard(request, section)


def _dashboard(request, section: str):
    now, runner = timezone.now(), request.runner
    # The numbers to call beside a notice for today, for the runner's country.
    help_lines = helplines_for(request)

    def page():
        board = dashboard.build(request.user, runner, now)
        context = {
            "prefs": runner,
            "board": board,
            "help": help_lines,
            "section": section,
            "section_title": dashboard.SECTION_TITLES.get(section, ""),
        }
        return render(request, "runlog/dashboard.html", context)

    # The page changes only with the log, the runner's settings, the day and the numbers.
    key = f"{dashboard.page_key(request.user, runner, now)}:{help_lines['key']}:{section}"
    return cached_page(request, key, page)


def _row_id(raw: str | None) -> int | None:
    """A database id from a query string, or None: plain ASCII digits, at most 18 of them
    (int() refuses 4,300 digits and more with an error, a 500 if it got that far)."""
    if raw and raw.isascii() and raw.isdigit() and len(raw) <= 18:
        return int(raw)
    return None


# Runs.


def _runs_context(request, page_number=1, saved_run=None) -> dict:
    runner = request.runner
    runs = queries.runs_of(request.user).order_by("-start", "-id")
    paginator = Paginator(runs, RUNS_PER_PAGE)
    page = paginator.get_page(page_number)
    if paginator.count:
        # The same rows, each with its week's totals (see `_with_week_totals`): the page
        # still costs one query, and the count stays a plain COUNT.
        first = (page.number - 1) * RUNS_PER_PAGE
        page.object_list = _with_week_totals(runs, runner.time_zone)[first : first + RUNS_PER_PAGE]
    page_runs = list(page.object_list)
    offer = saved_run or queries.next_morning_run(request.user, runner, timezone.now())
    return {
        "prefs": runner,
        "page": page,
        "runs": page_runs,
        "weeks": _weeks(runner, page_runs),
        "saved_run": saved_run,
        "checkin_run": offer,
    }


def _with_week_totals(runs, tz_name: str):
    """Each run with its local week's (Monday first) number of runs, distance, moving time
    and climb over all the runner's runs of that week, those on other pages too, and its
    place in the week newest first (`week_place` above 1 on a page's first run: the week
    began on the page before)."""
    week = TruncWeek("start", tzinfo=days.zone(tz_name))
    over = {"partition_by": [week]}
    return runs.annotate(
        week_runs=Window(Count("id"), **over),
        week_metres=Window(Sum("distance_m"), **over),
        week_seconds=Window(Sum("duration_s"), **over),
        week_climb=Window(Sum("elevation_gain_m"), **over),
        week_place=Window(RowNumber(), order_by=[F("start").desc(), F("id").desc()], **over),
    ).order_by("-start", "-id")


def _weeks(runner, page_runs: list[Run]) -> list[dict]:
    """The page's runs by the runner's local week (`days.week_start`), newest first, with
    the week's totals the page query brought along."""
    weeks: list[dict] = []
    unit = runner.distance_unit
    for run in page_runs:
        monday = days.week_start(run.start, runner.time_zone)
        if not weeks or weeks[-1]["monday"] != monday:
            totals = hasattr(run, "week_runs")
            weeks.append(
                {
                    "monday": monday,
                    "continued": not weeks and totals and run.week_place > 1,
                    "count": run.week_runs if totals else 0,
                    "distance": units.format_distance(run.week_metres, unit) if totals else "",
                    "time": units.format_duration(run.week_seconds) if totals else "",
                    "climb": run.week_climb if totals else None,
                    "runs": [],
                }
            )
        weeks[-1]["runs"].append(run)
    return weeks


@login_required
@require_safe
@runner_view
def runs(request):
    saved_run = None
    if (saved := _row_id(request.GET.get("saved"))) is not None:
        # "?saved=" only ever names the runner's own run; anyone else's is ignored.
        saved_run = queries.runs_of(request.user).filter(pk=saved).first()
    context = _runs_context(request, request.GET.get("page", 1), saved_run)
    return render_either(request, "runlog/runs.html", "runlog/runs.html#runs-section", context)


def _run_form(request, run=None) -> RunForm:
    data = request.POST if request.method == "POST" else None
    return RunForm(data, prefs=request.runner, now=timezone.now(), run=run)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@runner_view
def run_new(request):
    form = _run_form(request)
    if request.method == "POST" and form.is_valid():
        run = form.save(request.user)
        if not wants_partial(request):
            # The list says "Run saved." in the card that offers the check-in.
            return redirect(f"{reverse('runlog:runs')}?saved={run.pk}")
        # The new run sits at the top of page 1, with the check-in offered above it.
        context = _runs_context(request, 1, saved_run=run)
        response = render(request, "runlog/runs.html#runs-section", context)
        return reswap(retarget(response, "#runs"), "outerHTML")
    # The hint under the distance: how far today keeps within 10 % of the last 30 days; never
    # beside a see-someone notice (the log's problems say to stop running on a sore spot).
    now = timezone.now()
    if not watch.watch(request.user, request.runner, now).notices:
        form.add_todays_longest(dashboard.todays_longest_for(request.user, request.runner, now))
    status = 422 if form.is_bound else 200
    context = {"prefs": request.runner, "form": form, "run": None}
    return render_either(
        request, "runlog/run_form.html", "runlog/runs.html#run-new", context, status
    )


@login_required
@own("run")
@require_safe
@runner_view
def run_detail(request, run):
    """The run's figures, and from its stored original file (GPX, TCX or FIT) its route, its
    elevation profile and its splits; a file that cannot be read leaves them out."""
    context = {"prefs": request.runner, "run": run}
    if not wants_partial(request):
        context["route"] = _route_of(run, request.runner.distance_unit)
    return render_either(request, "runlog/run_detail.html", "runlog/runs.html#run-row", context)


ROUTE_WIDTH = 320
PROFILE_HEIGHT = 100


def _route_of(run: Run, unit: str) -> dict | None:
    """What the run page draws from the run's file, or None (no file, or one that cannot be
    read: logged, never a 500)."""
    stored = run.activity_file
    if stored is None or not stored.file:
        return None
    try:
        with stored.file.storage.open(stored.file.name, "rb") as source:
            data = source.read(route.MAX_STORED_BYTES + 1)
        if len(data) > route.MAX_STORED_BYTES:
            raise route.Unreadable("too large")
        points = route.points_of(stored.format, data)
    except (OSError, route.Unreadable) as error:
        logger.warning("Run %s: its file %s cannot be read (%s)", run.pk, stored.pk, error)
        return None
    shape = route.aspect(points)
    height = round(ROUTE_WIDTH * min(max(shape, 0.4), 1.0)) if shape is not None else 0
    elevation = route.profile(points, ROUTE_WIDTH, PROFILE_HEIGHT)
    rows = [
        {
            "number": split.number,
            "whole": split.whole,
            "distance": units.format_distance(split.distance_m, unit),
            "time": units.format_duration(split.seconds),
            "pace": units.format_pace(split.distance_m, split.seconds, unit),
        }
        for split in route.splits(points, unit)
    ]
    result = {
        "width": ROUTE_WIDTH,
        "height": height,
        "outline": route.outline(points, ROUTE_WIDTH, height) if height else "",
        "profile": elevation,
        "profile_height": PROFILE_HEIGHT,
        "splits": rows,
        "unit": unit,
    }
    if not (result["outline"] or elevation or rows):
        return None
    return result


@login_required
@own("run")
@require_http_methods(["GET", "HEAD", "POST"])
@runner_view
def run_edit(request, run):
    form = _run_form(request, run)
    if request.method == "POST" and form.is_valid():
        run = form.save(request.user)
        if not wants_partial(request):
            messages.success(request, "Run saved.")
            return redirect(f"{reverse('runlog:runs')}#run-{run.pk}")
        context = {"prefs": request.runner, "run": run, "just_saved": True}
        return render(request, "runlog/runs.html#run-row", context)
    status = 422 if form.is_bound else 200
    context = {"prefs": request.runner, "form": form, "run": run}
    return render_either(
        request, "runlog/run_form.html", "runlog/runs.html#run-edit", context, status
    )


@login_required
@own("run")
@require_http_methods(["GET", "HEAD", "POST"])
@runner_view
def run_delete(request, run):
    """GET asks; only POST deletes. Check-ins that followed the run stay, without it."""
    context = {"prefs": request.runner, "run": run}
    if request.method == "POST":
        run.delete()
        if not wants_partial(request):
            messages.success(request, "Run deleted.")
            return redirect("runlog:runs")
        return render(request, "runlog/runs.html#run-deleted", context)
    return render_either(
        request, "runlog/run_confirm_delete.html", "runlog/runs.html#run-delete", context
    )


# Check-ins.


def _chosen_run(request) -> Run | None:
    """The run named by ?run=<id>: the runner's own, or a 404 (garbage included)."""
    raw = request.GET.get("run")
    if raw is None or raw == "":
        return None
    if (run_id := _row_id(raw)) is None:
        raise Http404("No such run.")
    return get_object_or_404(queries.runs_of(request.user), pk=run_id)


def _checkin_form(request, entry=None, chosen=None, followups=()) -> CheckInForm:
    also = chosen or (entry.run if entry is not None else None)
    data = request.POST if request.method == "POST" else None
    initial = None
    if chosen is not None and data is None:
        initial = {"run": chosen.pk}
    kwargs = {"initial": initial} if initial else {}
    return CheckInForm(
        data,
        runs=queries.recent_runs(request.user, also=also),
        now=timezone.now(),
        prefs=request.runner,
        entry=entry,
        followups=followups,
        **kwargs,
    )


def _recent_entries(request):
    return _own_entries(request.user).order_by("-recorded_at", "-id")[:RECENT_ENTRIES]


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@runner_view
def checkin(request):
    chosen = _chosen_run(request)
    # The sore spots the log follows: their notices, and the follow-up questions this
    # check-in asks about the ones sore for 3 days or more (three queries).
    watched = watch.watch(request.user, request.runner, timezone.now())
    form = _checkin_form(request, chosen=chosen, followups=watched.followups)
    saved_entry = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            saved_entry = form.save(request.user)
            if not wants_partial(request):
                messages.success(request, "Check-in saved. Thank you.")
                return redirect("runlog:checkin")
            # With HTMX the page stays: a fresh form for the next check-in, the new one
            # listed, and the notices as this check-in leaves them (a follow-up "yes" shows
            # its warning at once).
            watched = watch.watch(request.user, request.runner, timezone.now())
            form = CheckInForm(
                runs=queries.recent_runs(request.user),
                now=timezone.now(),
                prefs=request.runner,
                followups=watched.followups,
            )
        else:
            status = 422
    context = {
        "prefs": request.runner,
        "form": form,
        "entry": None,
        "saved_entry": saved_entry,
        "entries": _recent_entries(request),
        "watch": watched,
        "help": helplines_for(request),
    }
    return render_either(
        request, "runlog/checkin.html", "runlog/checkin.html#checkin-section", context, status
    )


@login_required
@require_safe
@runner_view
def entries(request):
    queryset = _own_entries(request.user).order_by("-recorded_at", "-id")
    page = Paginator(queryset, ENTRIES_PER_PAGE).get_page(request.GET.get("page", 1))
    context = {"prefs": request.runner, "page": page, "entries": page.object_list}
    return render(request, "runlog/entries.html", context)


@login_required
@own("entry")
@require_http_methods(["GET", "HEAD", "POST"])
@runner_view
def entry_edit(request, entry):
    form = _checkin_form(request, entry=entry)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            form.save(request.user)
            messages.success(request, "Check-in saved.")
            return redirect("runlog:entries")
        status = 422
    context = {"prefs": request.runner, "form": form, "entry": entry}
    return render(request, "runlog/entry_form.html", context, status=status)


@login_required
@own("entry")
@require_http_methods(["GET", "HEAD", "POST"])
@runner_view
def entry_delete(request, entry):
    if request.method == "POST":
        entry.delete()
        messages.success(request, "Check-in deleted.")
        return redirect("runlog:entries")
    return render(
        request, "runlog/entry_confirm_delete.html", {"prefs": request.runner, "entry": entry}
    )


# Settings.


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@runner_view
def runner_settings(request):
    data = request.POST if request.method == "POST" else None
    form = SettingsForm(data, instance=request.runner)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Settings saved.")
            return redirect("runlog:settings")
        status = 422
    context = {"prefs": request.runner, "form": form}
    return render(request, "runlog/settings.html", context, status=status)


# Exports.


class _Echo:
    """csv.writer writes into this and gets the line back, for streaming."""

    def write(self, value):
        return value


def _csv_response(rows, name: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="legache-{name}-{timezone.localdate().isoformat()}.csv"'
    )
    return response


@login_required
@require_safe
@runner_view
def export_runs_csv(request):
    return _csv_response(export.run_csv_rows(request.user, request.runner.time_zone), "runs")


@login_required
@require_safe
@runner_view
def export_soreness_csv(request):
    return _csv_response(
        export.soreness_csv_rows(request.user, request.runner.time_zone), "soreness"
    )
