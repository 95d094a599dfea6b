"""Background work of the run log, on Django's tasks framework.

In production the database backend (django-tasks-db) queues them and `manage.py db_worker`
runs them; tests run them at once (tests/conftest.py). Arguments are plain JSON values: a
task receives ids and reads the rows itself.
"""

from django.tasks import task

from . import imports


@task
def import_batch(batch_id: int) -> dict:
    """Import an ImportBatch's uploads; its counters move as each file is saved, for the
    progress page to poll. Safe to run again on the same batch (nothing is saved twice)."""
    batch = imports.run_import(batch_id)
    return {} if batch is None else {"status": batch.status, **batch.counts()}
