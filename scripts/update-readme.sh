#!/usr/bin/env bash
# Refreshes the README blocks that show real output on data/bakery.json (tests pin them): run after build-sample.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
funnel=$(script -qec "NO_COLOR=1 COLUMNS=120 node bin/precrm --store data/bakery.json report funnel" /dev/null | tr -d '\r')
survey=$(NO_COLOR=1 node bin/precrm --store data/bakery.json report survey "bakery perception" --by segment 2>/dev/null)
FUNNEL="$funnel" SURVEY="$survey" python3 - <<'PY'
import os, re
p = 'README.md'
s = open(p, encoding='utf8').read()
def put(s, head, body):
    pat = re.compile(re.escape(head) + r'\n.*?```', re.S)
    assert pat.search(s), head
    return pat.sub(lambda m: f'{head}\n{body}\n```', s, count=1)
s = put(s, '$ node bin/precrm --store data/bakery.json report funnel', os.environ['FUNNEL'])
s = put(s, '$ precrm --store data/bakery.json report survey "bakery perception" --by segment', os.environ['SURVEY'])
open(p, 'w', encoding='utf8').write(s)
PY
