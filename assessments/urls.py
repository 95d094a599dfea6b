from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("causes/", views.cause_list, name="cause_list"),
    path("causes/<slug:slug>/", views.cause_detail, name="cause_detail"),
    path("strategies/", views.strategy_list, name="strategy_list"),
    path("strategies/<slug:slug>/", views.strategy_detail, name="strategy_detail"),
    path("assessment/", views.assessment_start, name="assessment_start"),
    path("assessment/new/", views.assessment_new, name="assessment_new"),
    path("assessment/<uuid:assessment_id>/", views.assessment_result, name="assessment_result"),
    path(
        "assessment/<uuid:assessment_id>/step/<int:number>/",
        views.assessment_step,
        name="assessment_step",
    ),
    path(
        "assessment/<uuid:assessment_id>/step/<int:number>/warning/",
        views.assessment_warning,
        name="assessment_warning",
    ),
    path(
        "assessment/<uuid:assessment_id>/share/",
        views.assessment_share,
        name="assessment_share",
    ),
    path(
        "assessment/<uuid:assessment_id>/finish/",
        views.assessment_finish,
        name="assessment_finish",
    ),
]
