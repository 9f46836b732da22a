"""Signals of the matching app.

``mutual_interest``: two companies each said "interested" in the other as a suggested partner.
Sent once per pair after the feedback is committed, with ``sender=Suggestion``, ``network`` and
``companies=(a, b)`` (a gave the second "interested"). The partnerships app connects to it to
open a partnership in stage ``identified``.
"""

from django.dispatch import Signal

mutual_interest = Signal()
