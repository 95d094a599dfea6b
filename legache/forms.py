"""The form renderer: Django's templates, with the project's escaping field template."""

from django.forms.renderers import TemplatesSetting


class EscapingFormRenderer(TemplatesSetting):
    # templates/forms/field.html escapes help text, which Django's default marks safe.
    field_template_name = "forms/field.html"
