"""Background work of the run log, on Django's tasks framework.

In production the database backend (django-tasks-db) queues them and `manage.py db_worker`
runs them; tests run them at once (tests/conftest.py). Arguments are plain JSON values: a
task receives ids and reads the rows itself.
"""

from django.tasks import task

from . import imports


@task
def import_batch(batch_id: int) -> dict:
    """Import a slice of an ImportBatch's uploads (see `imports.run_slice`: the batch goes
    to the back of the queue if files are left); its counters move as each file is saved,
    for the progress page to poll. Safe to run again on the same batch (nothing is saved
    twice).

    First, any batch whose worker died is put back in the queue (django-tasks-db 0.13 leaves
    a killed worker's task "running" for ever, and has no recovery of its own)."""
    imports.recover_stale()
    batch = imports.run_slice(batch_id)
    return {} if batch is None else {"status": batch.status, **batch.counts()}


@task
def watch_imports() -> dict:
    """Deferred by every dispatch (`imports.dispatch_next`) to a little after
    `imports.STALE_AFTER`: put back in the queue the imports whose worker died, and watch
    again later while any import is waiting or running. So a killed worker's batch is taken
    up again by the next worker that runs, without its runner pressing anything."""
    recovered = imports.recover_stale()
    if imports.has_active():  # this task is running, not waiting: the next one is scheduled
        imports.schedule_watch()
    return {"recovered": recovered}
