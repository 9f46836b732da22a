"""Loaded by pytest with ``-p verbund.lib.testenv`` before Django's settings are read.

Tests run tasks inline and serve static files without a collected manifest; everything else
comes from the environment as in production (DATABASE_URL selects SQLite or PostgreSQL).
"""

import os

os.environ.setdefault("TASKS_IMMEDIATE", "true")
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("LOGIN_FAILURE_LIMIT", "5")
