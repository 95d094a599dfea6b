"""The content a fresh database holds: the contract's causes and strategies, linked."""

import pytest

from assessments.models import Cause, EvidenceGrade, Strategy, StrategyForCause

pytestmark = pytest.mark.django_db

CONTRACT_CAUSES = [
    "overuse", "dehydration", "nutrition", "form", "genetics", "cold", "electrolytes",
    "eccentric_load",
]  # fmt: skip
CONTRACT_STRATEGIES = [
    "hydrate", "balanced_diet", "warm_up_cool_down", "flat_surfaces", "gradual_increase",
    "compression", "rest_recovery", "electrolyte_plan", "dress_for_cold", "repeated_bout",
]  # fmt: skip


def test_every_contract_cause_is_published_in_order():
    assert list(Cause.objects.published().values_list("slug", flat=True)) == CONTRACT_CAUSES


def test_every_contract_strategy_is_published():
    assert set(Strategy.objects.published().values_list("slug", flat=True)) == set(
        CONTRACT_STRATEGIES
    )


@pytest.mark.parametrize("model", [Cause, Strategy])
def test_every_page_is_explained_graded_and_referenced(model):
    for page in model.objects.all():
        assert len(page.paragraphs()) >= 2, page.slug
        assert page.evidence_grade in EvidenceGrade.values
        assert page.reference_list(), f"{page.slug} has no reference"
        assert page.summary.strip()


def test_every_cause_has_a_strategy_and_every_strategy_a_cause():
    linked_causes = set(StrategyForCause.objects.values_list("cause__slug", flat=True))
    linked_strategies = set(StrategyForCause.objects.values_list("strategy__slug", flat=True))
    assert linked_causes == set(CONTRACT_CAUSES)
    assert linked_strategies == set(CONTRACT_STRATEGIES)
    assert all(link.why.strip() for link in StrategyForCause.objects.all())


def test_content_corrects_the_article_where_evidence_disagrees():
    warm_up = Strategy.objects.get(slug="warm_up_cool_down")
    assert "stretch" in warm_up.explanation.lower()
    assert "Herbert" in warm_up.references
    downhill = Cause.objects.get(slug="eccentric_load")
    assert "downhill" in downhill.explanation.lower()
