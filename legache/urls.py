from allauth.account import views as account_views
from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from . import accounts, admin_oracles, views
from .accounts import sign_in_needs_the_shared_cache as guarded

admin.site.site_header = "legache content"
admin.site.site_title = "legache content"
admin.site.index_title = "Causes, strategies and the questionnaire"
# Editors sign in on the runners' sign-in page, so one rate limit guards both.
admin.site.login = secure_admin_login(admin.site.login)
# No oracles for editors: view-on-site for content only, the same answer for an existing and
# a missing personal object, a 400 for NUL or unusable filters (legache/admin_oracles.py).
admin_oracles.seal(admin.site)

# allauth answers a rate limit with this view.
handler429 = accounts.too_many_attempts

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    # The rate-limited account forms (and every other password check: the password change,
    # deleting the account) refuse to run without the shared cache (503), before
    # allauth's own patterns (same paths, names from allauth) are reached.
    path("accounts/login/", guarded(account_views.login), name="account_login"),
    path("accounts/signup/", guarded(account_views.signup), name="account_signup"),
    path(
        "accounts/password/reset/",
        guarded(account_views.password_reset),
        name="account_reset_password",
    ),
    path(
        "accounts/password/change/",
        guarded(account_views.password_change),
        name="account_change_password",
    ),
    path("accounts/delete/", accounts.delete_account, name="account_delete"),
    path("accounts/deleted/", accounts.account_deleted, name="account_deleted"),
    path("accounts/export.json", accounts.export_everything, name="account_export"),
    path("accounts/", include("allauth.urls")),
    path("me/", include("runlog.urls")),
    path("help/", include("helplines.urls")),
    path("", include("assessments.urls")),
]
