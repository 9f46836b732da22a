"""Partnership pages: thin views over the selectors (reads) and services (writes)."""
