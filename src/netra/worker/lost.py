"""What a task's own app does when the worker gives the task up after it lost too many
workers: e.g. a roster import job is marked failed, so that its page does not say "running"
forever."""

import logging

from django.utils.module_loading import import_string

logger = logging.getLogger("netra.worker")

_handlers = {}


def when_lost(task):
    """Register the decorated function, called with the task's own arguments, for TASK."""

    def register(handler):
        _handlers[task.module_path] = handler
        return handler

    return register


def task_given_up(task_path, args_kwargs):
    try:
        import_string(task_path)  # the task's module registers its handler when imported
    except ImportError:
        return
    handler = _handlers.get(task_path)
    if handler is None:
        return
    try:
        handler(*args_kwargs.get("args", []), **args_kwargs.get("kwargs", {}))
    except Exception as error:  # the task stays failed either way
        logger.error("handler for the given-up task %s failed: %s", task_path, error)
