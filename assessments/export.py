"""A runner's assessments as plain data, for "export all my data"."""

from .models import Assessment


def assessments_data(user) -> list[dict]:
    return [
        {
            "id": str(assessment.pk),
            "started": assessment.created_at,
            "finished": assessment.completed_at,
            "answers": assessment.answers,
            "result": assessment.result,
            "shared_by_link": assessment.shared,
        }
        for assessment in Assessment.objects.filter(user=user).order_by("created_at")
    ]
