from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Runner accounts: allauth's flows with this site's sign-in limits, sign-up that sets up
    the run log, export of everything and deletion that leaves nothing behind."""

    name = "accounts"
    default_auto_field = "django.db.models.BigAutoField"
