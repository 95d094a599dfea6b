from django.contrib import admin
from django.urls import include, path

from . import views
from .throttle import throttled

admin.site.site_header = "legache content"
admin.site.site_title = "legache content"
admin.site.index_title = "Causes, strategies and the questionnaire"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("admin/login/", throttled(admin.site.login), name="admin_login_throttled"),
    path("admin/", admin.site.urls),
    path("", include("assessments.urls")),
]
