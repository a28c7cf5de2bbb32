// Hostile text: megabyte fields, terminal escape codes, NUL, bidi overrides, emoji, prototype-polluting keys.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run, tempStore } from '../helpers.js';
import { MB, TERMINAL_UNSAFE, csvFile, expectNoCrash, expectRefusedUnchanged, expectSound } from './fixtures.js';

const big = (c: string) => c.repeat(MB);

describe('1 MB fields', () => {
  it('are refused from the command line with the limit named, and nothing is written', async () => {
    const store = (await tempStore());
    const tooLong = /is 1000000 characters long; the limit is 10000$/;
    await expectRefusedUnchanged(store, ['prospect', 'add', big('n')], 2, /^error: name is 1000000 characters long/);
    await expectRefusedUnchanged(store, ['prospect', 'add', 'Ravi', '--note', big('o')], 2, tooLong);
    await expectRefusedUnchanged(store, ['prospect', 'add', 'Ravi', '--field', `size=${big('f')}`], 2, /^error: field size is 1000000 characters long/);
    await run(store, ['prospect', 'add', 'Ravi']);
    await expectRefusedUnchanged(store, ['touch', 'log', 'ravi', 'greeting', big('t')], 2, tooLong);
    await expectRefusedUnchanged(store, ['prospect', 'edit', 'ravi', '--company', big('c')], 2, tooLong);
    await expectRefusedUnchanged(store, ['prospect', 'edit', 'ravi', '--tag', big('g')], 2, tooLong);
    await expectRefusedUnchanged(store, ['prospect', 'do-not-contact', 'ravi', '--note', big('d')], 2, tooLong);
    await expectRefusedUnchanged(store, ['prospect', 'follow-up', 'ravi', 'tomorrow', big('u')], 2, tooLong);
    await expectRefusedUnchanged(store, ['convert', 'ravi', '--product', big('p')], 2, tooLong);
    await expectSound(store);
  });

  it('in a CSV cell reject the row with its line number; nothing is written', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi']);
    const file = csvFile(`name,notes,field.size,tags\nBig,${big('n')},1,\nQuoted,"${big('q')}",1,\nFielded,ok,${big('f')},\nTagged,ok,1,${big('t')}\nSmall,ok,1,\n`);
    const r = await expectRefusedUnchanged(store, ['import', 'prospects', file], 65, /^error: 4 of 5 row\(s\) are invalid; nothing was written/);
    expect(r.stderr).toContain('line 2: notes is 1000000 characters long; the limit is 10000');
    expect(r.stderr).toContain('line 3: notes is 1000000 characters long');
    expect(r.stderr).toContain('line 4: field.size is 1000000 characters long');
    expect(r.stderr).toContain('line 5: tags is 1000000 characters long');
    expect((await expectSound(store)).prospects).toHaveLength(1);
  });

  it('a 1 MB header row is only an unknown column', async () => {
    const store = (await tempStore());
    const r = await run(store, ['import', 'prospects', csvFile(`name,${big('h')}\nRavi,x\n`)]);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    expect((await expectSound(store)).prospects.map((p: { name: string }) => p.name)).toEqual(['Ravi']);
  });
});

// Each name carries something a terminal would act on, or that a naive width count gets wrong.
const NAMES = [
  'Red \u001b[31mAlert\u001b[0m',
  'Clear\u001b[2J\u001b[HScreen',
  'Nul\u0000Byte',
  'Bell\u0007 and 8-bit CSI \u009b31m',
  'Bidi \u202eevil\u202c and \u2066isolate\u2069',
  'Cake 🎂 family 👩‍👩‍👧 flag 🇮🇳',
];

describe('control characters and emoji in names', () => {
  it('are stored faithfully and read back exactly in JSON', async () => {
    const store = (await tempStore());
    for (const name of NAMES) expect((await run(store, ['prospect', 'add', name])).code).toBe(0);
    const doc = await expectSound(store);
    expect(doc.prospects.map((p: { name: string }) => p.name)).toEqual(NAMES);
    const listed = JSON.parse((await run(store, ['prospect', 'list', '--json'])).stdout);
    expect(listed.map((p: { name: string }) => p.name)).toEqual(NAMES);
  });

  it('never reach a terminal raw: tables, prospect show, touch list, reports and stderr messages', async () => {
    const store = (await tempStore());
    for (const [i, name] of NAMES.entries()) {
      const add = await run(store, ['prospect', 'add', name, '--source', name, '--tag', name, '--note', name, '--field', `k=${name}`]);
      expect(add.stderr, 'the "added prospect" message').not.toMatch(TERMINAL_UNSAFE);
      await run(store, ['touch', 'log', String(i + 1), 'greeting', name, '--by', name]);
      await run(store, ['prospect', 'follow-up', String(i + 1), 'tomorrow', name]);
    }
    const views = [
      ['prospect', 'list'], ['touch', 'list'], ['due', '--within', '2d'], ['report', 'sources'], ['report', 'activity', '--by', 'staff'],
      ...NAMES.map((_, i) => ['prospect', 'show', String(i + 1)]),
    ];
    for (const args of views) {
      const r = await run(store, args, { env: { NO_COLOR: '1' } });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(TERMINAL_UNSAFE);
      expect(r.stderr, args.join(' ')).not.toMatch(TERMINAL_UNSAFE);
    }
    // The emoji stay as they are; only the dangerous characters are replaced.
    expect((await run(store, ['prospect', 'list'])).stdout).toContain('Cake 🎂 family 👩‍👩‍👧 flag 🇮🇳');
  });

  it('make an email address invalid (2): NUL and ESC are not part of an address', async () => {
    const store = (await tempStore());
    for (const email of ['h@x.io\u0000', 'a\u001b[31m@x.io', 'ravi@exa\u009bmple.com']) {
      await expectRefusedUnchanged(store, ['prospect', 'add', 'Ravi', '--email', email], 2, /^error: email ".*" is not an email address$/);
    }
  });

  it('in error messages are not echoed raw either', async () => {
    const store = (await tempStore());
    const r = await run(store, ['prospect', 'show', 'Red \u001b[31mAlert']);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toMatch(TERMINAL_UNSAFE);
  });

  it('come in through CSV faithfully too', async () => {
    const store = (await tempStore());
    const file = csvFile(`name,company\n"${NAMES[0]}",${NAMES[5]}\n"${NAMES[4]}",x\n`);
    expect((await run(store, ['import', 'prospects', file])).code).toBe(0);
    const doc = await expectSound(store);
    expect(doc.prospects.map((p: { name: string; company: string }) => [p.name, p.company])).toEqual([[NAMES[0], NAMES[5]], [NAMES[4], 'x']]);
  });
});

describe('a bare CR in stored text', () => {
  it('is quoted in CSV, so a reader that ends a record at CR (Excel, Python) keeps the row whole', async () => {
    const store = await tempStore();
    await run(store, ['prospect', 'add', 'Ann cr\rover', '--note', 'one\rtwo']);
    const csv = (await run(store, ['export', 'prospects'])).stdout;
    expect(csv).toContain(',"Ann cr\rover",');
    expect(csv).toContain(',"one\rtwo",');
    // Split as those readers do: only CR LF, LF and CR outside quotes end a record.
    const records = csv.match(/(?:"(?:[^"]|"")*"|[^"\r\n])*(?:\r\n|\n|\r)/g) ?? [];
    expect(records).toHaveLength(2);
  });
});

describe('prototype-polluting keys', () => {
  const pristine = () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  };

  it('in CSV headers are ignored columns, named on stderr, with a hint import would accept', async () => {
    const store = (await tempStore());
    const header = 'name,__proto__,constructor,field.__proto__,prototype,field.constructor,field.prototype,__proto__.polluted,field.ok';
    const file = csvFile(`${header}\nRavi,{"polluted":1},polluted,polluted,polluted,polluted,polluted,polluted,fine\n`);
    const r = await run(store, ['import', 'prospects', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^ignoring unknown column\(s\) "__proto__", "constructor", "field.__proto__", "prototype", "field.constructor", "field.prototype", "__proto__.polluted"/);
    expect(r.stderr).toContain('(to keep one: --map "field.__proto__=field.field___proto__")');
    const doc = await expectSound(store);
    expect(doc.prospects[0].fields).toEqual({ ok: 'fine' });
    pristine();
  });

  it('as --sort keys are an unknown sort (2), not a lookup on Object.prototype', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi']);
    for (const key of ['__proto__', 'constructor', 'toString', '-hasOwnProperty']) {
      await expectRefusedUnchanged(store, ['prospect', 'list', '--sort', key], 2, new RegExp(`^error: cannot sort by "${key}"`));
    }
  });

  it('as sources, tags, owners and staff are plain values that reports group like any other', async () => {
    const store = (await tempStore());
    for (const k of ['__proto__', 'constructor', 'toString']) await run(store, ['prospect', 'add', `P${k}`, '--source', k, '--tag', k, '--owner', k]);
    await run(store, ['touch', 'log', '1', 'greeting'], { env: { PRECRM_USER: '__proto__' } });
    const sources = await run(store, ['report', 'sources', '--format', 'csv']);
    expect(sources.stdout.split('\n').slice(1, 4).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['__proto__,1', 'constructor,1', 'tostring,1']);
    const byTag = JSON.parse((await run(store, ['report', 'funnel', '--by', 'tag', '--json'])).stdout) as { tag: string; stage: string; reached: number }[];
    expect(byTag.filter((r) => r.stage === 'interested').map((r) => [r.tag, r.reached])).toEqual([['__proto__', 1], ['constructor', 1], ['toString', 1]]);
    const staff = JSON.parse((await run(store, ['report', 'activity', '--by', 'staff', '--json'])).stdout);
    expect(staff).toEqual([expect.objectContaining({ staff: '__proto__', touches: 1 })]);
    expect((await run(store, ['prospect', 'list', '--owner', 'constructor', '--json'])).stdout).toContain('"name": "Pconstructor"');
    pristine();
  });

  it('in --field and --map are usage errors (2) and nothing is written', async () => {
    const store = (await tempStore());
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      await expectRefusedUnchanged(store, ['prospect', 'add', 'Ravi', '--field', `${key}=x`], 2, new RegExp(`^error: --field key "${key}" is not allowed`));
    }
    const file = csvFile('name,extra\nRavi,1\n');
    await expectRefusedUnchanged(store, ['import', 'prospects', file, '--map', 'extra=field.__proto__'], 2, /^error: --map "extra=field.__proto__": unknown field/);
    pristine();
  });

  it('in a hand-edited store are refused by store check instead of being dropped on the next write', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi', '--field', 'ok=1']);
    const text = readFileSync(store, 'utf8').replace(/"ok": ?"1"/, '"ok":"1","__proto__":"x","constructor":"y"');
    expect(text).toContain('"__proto__":"x"');
    writeFileSync(store, text);
    const check = await run(store, ['store', 'check']);
    expect(check.code).toBe(65);
    expect(check.stderr).toContain('prospect 1 fields: key "__proto__" is not allowed (rename it)');
    expect(check.stderr).toContain('prospect 1 fields: key "constructor" is not allowed (rename it)');
    await expectRefusedUnchanged(store, ['prospect', 'edit', '1', '--note', 'hi'], 65, /fails validation; it was left untouched/);
    pristine();
  });
});

describe('CSV files that are not UTF-8', () => {
  it('are decoded (Windows-1252, UTF-16), never imported with U+FFFD or NUL bytes in place of letters', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Ravi']);
    const cp1252 = csvFile('');
    writeFileSync(cp1252, Buffer.concat([Buffer.from('name,company\nAnna,x\n'), Buffer.from('Jos\xe9,Caf\xe9 \x80\n', 'latin1')]));
    expect((await run(store, ['import', 'prospects', cp1252])).code).toBe(0);
    const utf16 = csvFile('');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\nZoë\n', 'utf16le')]));
    expect((await run(store, ['import', 'prospects', utf16])).code).toBe(0);
    const doc = await expectSound(store);
    expect(doc.prospects.map((p: { name: string; company: string | null }) => [p.name, p.company])).toEqual([['Ravi', null], ['Anna', 'x'], ['José', 'Café €'], ['Zoë', null]]);
  });
});
