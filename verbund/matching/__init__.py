"""Partner matching: the pure core (numpy, no Django) that the Django layer calls.

- ``encoder``: ``Encoder(cache).embed(texts)`` -> (n, 512) float32 unit vectors, cached by
  ``sha256(normalised text)`` in a ``MemoryCache`` or a ``FileCache(directory)``.
- ``engine``: input dataclasses (``CompanyVector``, ``Item``, ``Goal``, ``Customers``, ``Trust``),
  ``Weights`` (all tunables, ``Weights.from_mapping(network_overrides)``), ``from_profile(json)``,
  ``score(a, b)`` and ``rank(a, candidates)`` for small sets.
- ``candidates``: ``MatchIndex`` (``build``/``build_streaming``, ``upsert``, ``suggest``, ``exact``,
  ``save``/``load``) for whole networks up to a million companies.
- ``explain``: the stable reason and concern codes with parameters and English templates.
- ``synthetic``: deterministic benchmark networks with planted partners and competitors.
"""
