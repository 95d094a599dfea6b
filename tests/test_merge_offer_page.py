"""The merge offer page names every value it shows, and the import's summary says what became
of each offer: only those still waiting are "to merge"."""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from runlog.import_views import ROWS
from runlog.models import MergeOffer, Run
from tests.test_runlog_factories import make_run, make_user
from tests.test_runlog_import_factories import START, fit, run_batch

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(runner):
    make_run(runner, start=START + timedelta(minutes=3), distance_m=400, duration_s=150, rpe=7)
    run_batch(runner, ("run.fit", fit(hr=148)))
    return MergeOffer.objects.get()


class Figures(HTMLParser):
    """The merge page's figures: for each list item of .merge-figures, its heading and its
    {term: value} pairs."""

    def __init__(self):
        super().__init__()
        self.figures: list[dict] = []
        self.inside = False
        self.field = None  # "label", "dt" or "dd"
        self.term = ""
        self.text = ""

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "ul" and "merge-figures" in classes:
            self.inside = True
        elif self.inside and tag == "li":
            self.figures.append({"label": "", "values": {}})
        elif self.inside and tag in {"h2", "dt", "dd"}:
            self.field, self.text = tag, ""

    def handle_endtag(self, tag):
        if tag == "ul" and self.inside:
            self.inside = False
        elif self.inside and tag == self.field:
            text = " ".join(self.text.split())
            if tag == "h2":
                self.figures[-1]["label"] = text
            elif tag == "dt":
                self.term = text
            else:
                self.figures[-1]["values"][self.term] = text
            self.field = None

    def handle_data(self, data):
        if self.field:
            self.text += data


def figures(html: str) -> list[dict]:
    parser = Figures()
    parser.feed(html)
    return parser.figures


def test_every_figure_has_its_three_values_each_labelled(runner_client, offer):
    page = runner_client.get(reverse("runlog:import_merge", args=[offer.pk]))
    assert page.status_code == 200
    shown = figures(page.text)
    assert [figure["label"] for figure in shown] == [label for _, label in ROWS]
    for figure in shown:
        assert list(figure["values"]) == ["Your run", "From the file", "After merging"], figure
        assert all(figure["values"].values()), figure  # "—" when a run has no such figure
    distance = next(figure for figure in shown if figure["label"] == "Distance")
    assert distance["values"] == {
        "Your run": "0.40 km",
        "From the file": "0.36 km",
        "After merging": "0.36 km",
    }
    # Cards, not a wide table: nothing to scroll sideways on a phone.
    assert "<table" not in page.text


def test_once_decided_there_is_nothing_after_merging_to_show(runner_client, offer):
    runner_client.post(reverse("runlog:import_merge", args=[offer.pk]), {"decision": "decline"})
    page = runner_client.get(reverse("runlog:import_merge", args=[offer.pk]))
    for figure in figures(page.text):
        assert list(figure["values"]) == ["Your run", "From the file"]
    assert "Declined: not imported." in page.text


def counts(html: str) -> str:
    return " ".join(re.search(r'<p class="import-counts">(.*?)</p>', html, re.S)[1].split())


def test_a_waiting_offer_is_to_merge(runner_client, offer):
    text = counts(runner_client.get(reverse("runlog:import_progress", args=[offer.batch_id])).text)
    assert "1 to merge" in text
    assert "merged" not in text and "kept separate" not in text and "declined" not in text


@pytest.mark.parametrize(
    ("decision", "said"),
    [("merge", "1 merged"), ("separate", "1 kept separate"), ("decline", "1 declined")],
)
def test_after_the_decision_the_summary_says_what_became_of_the_offer(
    runner_client, offer, decision, said
):
    response = runner_client.post(
        reverse("runlog:import_merge", args=[offer.pk]), {"decision": decision}, follow=True
    )
    assert response.status_code == 200
    text = counts(response.text)
    assert "to merge" not in text
    assert said in text
    # The batch's counter of offers made stays as it was: the page counts the offers.
    offer.batch.refresh_from_db()
    assert offer.batch.merge_offers == 1


def test_another_runners_offer_is_not_found(client, django_user_model, offer):
    intruder = make_user(django_user_model, "intruder")
    client.force_login(intruder)
    url = reverse("runlog:import_merge", args=[offer.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"decision": "merge"}).status_code == 404
    offer.refresh_from_db()
    assert offer.status == MergeOffer.Status.PENDING
    assert Run.objects.count() == 1


def test_the_list_of_imports_counts_only_offers_still_waiting(runner_client, offer):
    imports_page = reverse("runlog:import")
    assert "1 to merge" in runner_client.get(imports_page).text
    runner_client.post(reverse("runlog:import_merge", args=[offer.pk]), {"decision": "merge"})
    assert "to merge" not in runner_client.get(imports_page).text
