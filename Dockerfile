# Production image: gunicorn behind your TLS proxy, static files from whitenoise.
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    GUNICORN_BIND=0.0.0.0:8000 \
    FORWARDED_ALLOW_IPS=*

WORKDIR /app
COPY requirements.lock .
RUN pip install --no-cache-dir --require-hashes -r requirements.lock

COPY . .
# collectstatic needs settings to import; this key exists only during the build.
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=collectstatic-only-build-time-key-not-used-at-run-time-0000 \
    LEGACHE_SITE_URL=https://build.invalid \
    python manage.py collectstatic --noinput --verbosity 0 \
 && useradd --system --uid 10001 --home-dir /app legache
USER legache

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-m", "legache.healthcheck"]

CMD ["gunicorn", "--config", "legache/gunicorn.conf.py", "legache.wsgi"]
