"""Health of partnerships: scoring, early-warning alerts, snapshots.

The pure core (no Django) lives in ``history`` (inputs), ``params`` (settings with defaults),
``aggregates`` (running state and the vectorised full recompute), ``scoring``, ``alerts``,
``codes`` and ``simulator``; the Django side translates its rows into those inputs.
"""
