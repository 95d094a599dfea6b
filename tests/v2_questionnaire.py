"""What contract v2 shipped, for the upgrade test in test_migrations.py."""

STEPS = {
    "red_flags": 1,
    "health_background": 1,
    "experience": 2,
    "load_change": 2,
    "rest_days": 2,
    "terrain": 3,
    "duration": 3,
    "temperature": 3,
    "fluids": 4,
    "cramps": 4,
    "nutrition": 4,
    "warm_up": 5,
    "form": 5,
    "recovery_history": 5,
    "sleep": 5,
    "onset": 6,
    "pain_quality": 6,
    "location": 6,
    "sides": 6,
    "duration_days": 6,
}
BREATHLESS = "Short of breath at rest, or breathing that won't settle, or chest pain"
