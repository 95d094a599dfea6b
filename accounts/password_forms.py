"""allauth form overrides (ACCOUNT_FORMS), apart from forms.py: allauth's forms
module imports that one (the sign-up form class), so it cannot import allauth's forms back."""

from allauth.account.adapter import get_adapter
from allauth.account.forms import ChangePasswordForm as AllauthChangePasswordForm
from allauth.core import context

from .adapter import password_is_right


class ChangePasswordForm(AllauthChangePasswordForm):
    """allauth's password change, with the current password counted like a sign-in (one
    limit for every password check; past it, a 429)."""

    def clean_oldpassword(self):
        password = self.cleaned_data.get("oldpassword", "")
        if not password_is_right(context.request, self.user, password):
            raise get_adapter().validation_error("enter_current_password")
        return password
