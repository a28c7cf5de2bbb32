#!/usr/bin/env bash
# Rebuilds data/bakery.json, the sample bakery store, by running precrm itself over data/sample/*.sh in order.
# Each step is dated with PRECRM_NOW so the shop's year reads like a real one. Run after `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PRECRM_STORE="$PWD/data/bakery.json.new"
export PRECRM_LOCK_TIMEOUT=10000
rm -f "$PRECRM_STORE"
# at <local date-time> <precrm args…>: one precrm command run as if it were that moment.
at() { local when="$1"; shift; PRECRM_NOW="${when}:00Z" node bin/precrm -q --no-input "$@" >/dev/null; }
# by <staff> <date-time> <args…>: the same, recorded as done by that member of staff.
by() { local who="$1"; shift; PRECRM_USER="$who" at "$@"; }
export -f at by
for step in data/sample/*.sh; do
  # shellcheck source=/dev/null
  source "$step"
done
mv "$PRECRM_STORE" data/bakery.json
echo "wrote data/bakery.json" >&2
