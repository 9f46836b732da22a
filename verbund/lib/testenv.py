"""Loaded by pytest with ``-p verbund.lib.testenv`` before Django's settings are read.

Tests run tasks inline and serve static files without a collected manifest; everything else
comes from the environment as in production (DATABASE_URL selects SQLite or PostgreSQL).
"""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("TASKS_IMMEDIATE", "true")
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("LOGIN_FAILURE_LIMIT", "5")
# Matching index files of test runs stay out of var/; one directory per run, so the embedding
# cache inside it is shared by all tests of the run (the model runs once per text).
if "MATCHING_DIR" not in os.environ:
    os.environ["MATCHING_DIR"] = tempfile.mkdtemp(prefix="verbund-test-matching-")
    atexit.register(shutil.rmtree, os.environ["MATCHING_DIR"], ignore_errors=True)
