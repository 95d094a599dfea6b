from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("causes/", views.cause_list, name="cause_list"),
    path("causes/<slug:slug>/", views.cause_detail, name="cause_detail"),
    path("strategies/", views.strategy_list, name="strategy_list"),
    path("strategies/<slug:slug>/", views.strategy_detail, name="strategy_detail"),
]
