from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from . import admin_oracles, views

admin.site.site_header = "legache content"
admin.site.site_title = "legache content"
admin.site.index_title = "Causes, strategies and the questionnaire"
# Editors sign in on the runners' sign-in page, so one rate limit guards both.
admin.site.login = secure_admin_login(admin.site.login)
# No oracles for editors: view-on-site for content only, the same answer for an existing and
# a missing personal object, a 400 for NUL or unusable filters (legache/admin_oracles.py).
admin_oracles.seal(admin.site)

# allauth answers a rate limit with this view.
handler429 = "accounts.adapter.too_many_attempts"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    # Ours first (the sign-in limits' guard, export, deletion), then allauth's.
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("me/", include("runlog.urls")),
    path("help/", include("helplines.urls")),
    path("", include("assessments.urls")),
]
