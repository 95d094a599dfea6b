from django.urls import path

from . import views

app_name = "helplines"
urlpatterns = [
    path("country/", views.choose_country, name="choose_country"),
]
