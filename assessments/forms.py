"""One wizard screen as a Django form, built from the questions of that step."""

from django import forms
from django.core.exceptions import ValidationError

from .contract import SAFETY_QUESTIONS
from .scoring import QuestionSpec, drop_exclusive_beside_others


class OneAnswerRadioSelect(forms.RadioSelect):
    """Passes a tampered multi-value submission through so the field can reject it."""

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        return values if len(values) > 1 else super().value_from_datadict(data, files, name)


class OneChoiceField(forms.ChoiceField):
    widget = OneAnswerRadioSelect

    def to_python(self, value):
        if isinstance(value, list):
            raise ValidationError("Choose only one answer.", code="one_only")
        return super().to_python(value)


class GroupedCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    template_name = "forms/widgets/grouped_checkboxes.html"


# The warning signs in groups by what they need, most dangerous first; "none" comes last,
# after the runner has read them all.
SIGN_GROUPS = (
    ("emergency", "Emergency: call for help now"),
    ("urgent", "Be seen today"),
    ("soon", "See a GP or physio within days"),
)


def grouped_signs(question: QuestionSpec) -> list:
    groups = [
        (heading, [(c.slug, c.label) for c in question.choices if c.triage_level == level])
        for level, heading in SIGN_GROUPS
    ]
    rest = [(c.slug, c.label) for c in question.choices if c.triage_level not in dict(SIGN_GROUPS)]
    return [group for group in groups if group[1]] + ([(None, rest)] if rest else [])


class StepForm(forms.Form):
    """One screen's questions. Only the warning-sign question must be answered; choices must
    be the question's own; an exclusive choice ("none of these") stands alone, except beside
    a warning sign or a health background, where the specific answer counts (fail safe)."""

    # Field names are prefixed: a question slug such as "form" or "action" would otherwise
    # shadow the <form> element's own properties in the browser and break submission.
    prefix = "q"

    def __init__(self, questions: list[QuestionSpec], *args, notes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            options = [(choice.slug, choice.label) for choice in question.choices]
            common = {
                "label": question.text,
                "help_text": question.help_text,
                "required": question.required,
            }
            if question.required:
                none = next((c.label for c in question.choices if c.exclusive), "None of these")
                common["error_messages"] = {
                    "required": f"Please answer this first: tick “{none}” if none apply."
                }
            if question.kind == "many" and question.required:
                self.fields[question.slug] = forms.MultipleChoiceField(
                    choices=grouped_signs(question), widget=GroupedCheckboxSelectMultiple, **common
                )
            elif question.kind == "many":
                self.fields[question.slug] = forms.MultipleChoiceField(
                    choices=options, widget=forms.CheckboxSelectMultiple, **common
                )
            else:
                self.fields[question.slug] = OneChoiceField(choices=options, **common)
            # "From your log of 23 November": shown by templates/forms/field.html.
            self.fields[question.slug].log_note = (notes or {}).get(question.slug, "")

    def mark_asked(self, asked) -> None:
        """Questions asked again because an escalation depends on them (see wizard)."""
        for slug in asked:
            field = self.fields.get(slug)
            if field is None:
                continue
            question = next(q for q in self.questions if q.slug == slug)
            unsure = next((c.label for c in question.choices if c.slug == "not_sure"), "")
            field.ask_note = (
                "Please answer this one: with your other answers it decides whether you should "
                "be seen. "
                + (
                    f"If you don't know, choose “{unsure}”."
                    if unsure
                    else "If you leave it blank, we will assume the answer that needs a check."
                )
            )

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            if question.kind != "many":
                continue
            chosen = cleaned.get(question.slug) or []
            alone = [c for c in question.choices if c.exclusive and c.slug in chosen]
            if not alone or len(chosen) < 2:
                continue
            beside_a_sign = any(question.choices_by_slug[s].triage_level for s in chosen)
            if question.slug in SAFETY_QUESTIONS or beside_a_sign:
                cleaned[question.slug] = list(drop_exclusive_beside_others(question, chosen))
            else:
                self.add_error(
                    question.slug, f"“{alone[0].label}” cannot be combined with other answers."
                )
        return cleaned

    def answers(self) -> dict:
        """This step's answers in the contract's shape; unanswered questions map to None."""
        return {
            question.slug: (self.cleaned_data.get(question.slug) or None)
            for question in self.questions
        }
