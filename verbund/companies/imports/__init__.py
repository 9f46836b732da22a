"""Profile import and export: JSON Lines, CSV and XLSX in, the same three out.

``formats`` reads and writes files, ``validation`` checks records against the profile format
(pure), ``messages`` turns error codes into sentences in the reader's language, ``services``
validates and commits all or nothing, ``tasks`` runs both in the background.
"""
