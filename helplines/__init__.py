"""Emergency and health-line numbers for the runner's country (content in the admin)."""
