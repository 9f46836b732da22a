"""Logging helpers referenced from settings.LOGGING."""

from __future__ import annotations

import logging


class ForbiddenWithoutTraceback(logging.Filter):
    """A 403 is an expected answer (someone opened a page that is not theirs), not an error: log
    its one line ("Forbidden (Permission denied): /path") without the traceback Django attaches."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
