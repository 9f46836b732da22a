#!/usr/bin/env bash
# Fails when a user-facing string lacks a translation in de, nl or en, or one is fuzzy.
# Extraction needs GNU gettext (xgettext); when it is present, new strings found in the code are
# merged into the catalogues first, so a forgotten `make messages` shows up here as well.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
if command -v xgettext > /dev/null; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  cp -r verbund/locale "$tmp/before"
  (cd verbund && ../$BIN/verbund makemessages -l de -l nl -l en --no-obsolete --no-location \
      --ignore 'static/*' -v0)
  if ! diff -rq -x '*.mo' -I '^"POT-Creation-Date' "$tmp/before" verbund/locale > /dev/null; then
    diff -ru -x '*.mo' -I '^"POT-Creation-Date' "$tmp/before" verbund/locale | head -60 || true
    rm -rf verbund/locale && cp -r "$tmp/before" verbund/locale
    echo "Translations: the code has strings the catalogues lack (run 'make messages' and translate)." >&2
    exit 1
  fi
  rm -rf verbund/locale && cp -r "$tmp/before" verbund/locale
else
  echo "xgettext not found: checking the catalogues only (install gettext to check extraction)." >&2
fi
$BIN/python -m verbund.lib.i18n check
