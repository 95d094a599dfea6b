from django.urls import path

from . import dashboard, views

app_name = "runlog"
urlpatterns = [
    path("", views.home, name="home"),
    # The dashboard's folded sections, each open on its own page: /me/spikes/, /me/load/,
    # /me/distance/, /me/soreness/, /me/recovery/, /me/map/ and /me/insights/ (one name:
    # reverse("runlog:dashboard_section", kwargs={"section": "load"})).
    *(
        path(f"{slug}/", views.dashboard_section, {"section": slug}, name="dashboard_section")
        for slug in dashboard.SECTION_SLUGS
    ),
    path("runs/", views.runs, name="runs"),
    path("runs/new/", views.run_new, name="run_new"),
    path("runs/<int:run_id>/", views.run_detail, name="run_detail"),
    path("runs/<int:run_id>/edit/", views.run_edit, name="run_edit"),
    path("runs/<int:run_id>/delete/", views.run_delete, name="run_delete"),
    path("check-in/", views.checkin, name="checkin"),
    path("check-ins/", views.entries, name="entries"),
    path("check-ins/<int:entry_id>/edit/", views.entry_edit, name="entry_edit"),
    path("check-ins/<int:entry_id>/delete/", views.entry_delete, name="entry_delete"),
    path("settings/", views.runner_settings, name="settings"),
    path("export/runs.csv", views.export_runs_csv, name="export_runs_csv"),
    path("export/soreness.csv", views.export_soreness_csv, name="export_soreness_csv"),
]

# Importing runs from files (runlog/import_views.py). Its pages are a list of their own,
# included here: /me/import/, /me/import/<batch_id>/ and /me/import/offers/<offer_id>/.
from . import import_views  # noqa: E402

urlpatterns += [
    path("import/", (import_views.urlpatterns, None, None)),
    path("export/files.zip", import_views.export_files_zip, name="export_files_zip"),
]
