#!/usr/bin/env bash
# Refreshes the README blocks that show real output on data/bakery.json (tests pin them): run after build-sample.sh.
# The funnel is shown as a terminal draws it; every "$ precrm --store data/bakery.json …" block is run as written,
# piped, on the sample's "today" (the date npm run demo and the tests use).
set -euo pipefail
cd "$(dirname "$0")/.."
funnel=$(script -qec "NO_COLOR=1 COLUMNS=120 PRECRM_NOW=2026-11-23T08:00:00Z node bin/precrm --store data/bakery.json report funnel" /dev/null | tr -d '\r')
FUNNEL="$funnel" python3 - <<'PY'
import os, re, shlex, subprocess
p = 'README.md'
s = open(p, encoding='utf8').read()
def put(s, head, body):
    pat = re.compile(re.escape(head) + r'\n.*?```', re.S)
    assert pat.search(s), head
    return pat.sub(lambda m: f'{head}\n{body}\n```', s, count=1)
s = put(s, '$ node bin/precrm --store data/bakery.json report funnel', os.environ['FUNNEL'])
env = dict(os.environ, NO_COLOR='1', PRECRM_NOW='2026-11-23T08:00:00Z')
def real(m):
    args = shlex.split(m.group(1))
    out = subprocess.run(['node', 'bin/precrm', '--store', 'data/bakery.json', *args], env=env, check=True,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    return f'```console\n$ precrm --store data/bakery.json {m.group(1)}\n{out}```'
s = re.sub(r'^```console\n\$ precrm --store data/bakery\.json ([^\n]*)\n.*?^```$', real, s, flags=re.S | re.M)
open(p, 'w', encoding='utf8').write(s)
PY
