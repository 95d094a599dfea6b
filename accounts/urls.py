"""Account URLs of our own, before allauth's (`legache/urls.py` includes both at
/accounts/): the rate-limited forms refuse to run without the shared cache (503), and
every other password check (the password change, deleting the account) counts against the
sign-in limit; the paths and names are allauth's."""

from allauth.account import views as account_views
from django.urls import path

from . import views
from .adapter import sign_in_needs_the_shared_cache as guarded

urlpatterns = [
    path("login/", guarded(account_views.login), name="account_login"),
    path("signup/", guarded(account_views.signup), name="account_signup"),
    path("password/reset/", guarded(account_views.password_reset), name="account_reset_password"),
    path(
        "password/change/", guarded(account_views.password_change), name="account_change_password"
    ),
    path("delete/", views.delete_account, name="account_delete"),
    path("deleted/", views.account_deleted, name="account_deleted"),
    path("export.json", views.export_everything, name="account_export"),
]
