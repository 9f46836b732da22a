#!/usr/bin/env bash
# Fails when a user-facing string lacks a translation in de, nl or en, or one is fuzzy.
# With GNU gettext present, the strings in the code are first extracted into a scratch copy of
# the catalogues, so a string added without `make messages` counts as missing too.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
if command -v xgettext > /dev/null; then
  # The project catalogue and every app's own (verbund/<app>/locale) are extracted into.
  backup=$(mktemp -d)
  tar -cf "$backup/locale.tar" verbund/locale verbund/*/locale 2> /dev/null || tar -cf "$backup/locale.tar" verbund/locale
  restore() { rm -rf verbund/locale verbund/*/locale && tar -xf "$backup/locale.tar" && rm -rf "$backup"; }
  trap restore EXIT
  (cd verbund && ../$BIN/verbund makemessages -l de -l nl -l en --no-obsolete --no-location \
      --ignore 'static/*' -v0)
else
  echo "xgettext not found: checking the catalogues only (install gettext to check extraction)." >&2
fi
$BIN/python -m verbund.lib.i18n check
