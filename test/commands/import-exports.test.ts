// The contact files people actually have (test/fixtures/csv/exports/, each in its tool's own spelling: BOMs, CRLF,
// quoted cells, blank trailing lines, the same email twice in different case, non-ASCII names) import with no options.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NOW, csvFile, exportFile, prospects } from '../fixtures/exports.js';
import { run, tempDir, tempStore, storeBytes, storeCreated } from '../helpers.js';


/** The fields an export carries, per prospect in id order. */
const landed = async (store: string) => (await prospects(store)).map((p) => ({
  name: p.name, email: p.email, phone: p.phone, company: p.company, source: p.source, stage: p.stage, tags: p.tags, createdAt: p.createdAt,
}));

async function importExport(name: string) {
  const store = (await tempStore());
  const r = await run(store, ['import', 'prospects', exportFile(name)]);
  expect(r.code, r.stderr).toBe(0);
  return { store, r };
}

describe('import prospects: real contact exports, no options', () => {
  it('Google Contacts: numbered e-mail and phone columns, Organization Name, labels without Google\'s system labels', async () => {
    const { store, r } = await importExport('google-contacts.csv');
    expect(r.stderr).toMatch(/^ignoring unknown column\(s\) "Phonetic First Name", .*"Website 1 - Value" \(to keep one: --map "Phonetic First Name=field.phonetic_first_name"\)\n/);
    expect(r.stderr).not.toMatch(/E-mail 1 - Value|Phone 1 - Value|Organization Name|E-mail 1 - Label/);
    expect(r.stderr).toMatch(/created 4, merged 1, skipped 0, rejected 0\n$/);
    expect((await landed(store))).toEqual([
      { name: 'Jürgen Weiß', email: 'juergen@baeckerei-weiss.de', phone: '+49 151 12345678', company: 'Bäckerei Weiß', source: null, stage: 'interested', tags: ['Suppliers'], createdAt: NOW },
      // Two addresses in one cell (` ::: `): the first is the one.
      { name: 'Siobhán Marie O\'Neill', email: 'siobhan.oneill@example.ie', phone: '07700 900123', company: null, source: null, stage: 'interested', tags: [], createdAt: NOW },
      // E-mail 1 and Phone 1 empty: the second of each is read.
      { name: 'Omar Haddad', email: 'omar@haddad-catering.example', phone: '+971 50 123 4567', company: 'Haddad Catering', source: null, stage: 'interested', tags: [], createdAt: NOW },
      // The same email in another case is the same person: merged, the company filled in.
      { name: 'Mei Chen', email: 'mei.chen@example.com', phone: '+86 138 0013 8000', company: 'Chen Tea House', source: null, stage: 'interested', tags: ['Regulars'], createdAt: NOW },
    ]);
    expect((await prospects(store))[1]!.notes).toBe('Met at the Saturday market.\nAsked about sourdough classes.');
  });

  it('Outlook: BOM and CRLF, E-mail Address then E-mail 2 Address, the mobile phone before the home phone, Categories as tags', async () => {
    const { store, r } = await importExport('outlook-contacts.csv');
    expect(r.stderr).toMatch(/created 3, merged 1, skipped 0, rejected 0\n$/);
    expect((await landed(store))).toEqual([
      { name: 'Zoë Kowalczyk', email: 'zoe.kowalczyk@example.pl', phone: '+48 601 234 567', company: 'Kowalczyk & Córka', source: null, stage: 'interested', tags: ['Wholesale', 'Catering'], createdAt: NOW },
      { name: 'Ngozi Okafor', email: 'ngozi.okafor@example.ng', phone: '+234 803 123 4567', company: 'Okafor Events', source: null, stage: 'interested', tags: [], createdAt: NOW },
      { name: 'Åsa Lindqvist', email: 'ASA.LINDQVIST@EXAMPLE.SE', phone: '08-123 456 78', company: null, source: null, stage: 'interested', tags: ['Regulars'], createdAt: NOW },
    ]);
  });

  it('HubSpot: lifecycle stages and lead statuses read as stages, Original Source, Create Date and Became a Customer Date kept', async () => {
    const { store, r } = await importExport('hubspot-contacts.csv');
    expect(r.stderr).toBe('ignoring unknown column(s) "Record ID", "Last Activity Date", "Marketing contact status" (to keep one: --map "Record ID=field.record_id")\n'
      + 'created 8, merged 0, skipped 0, rejected 0\n');
    expect((await landed(store))).toEqual([
      { name: 'Ana Gonçalves', email: 'ana.goncalves@example.pt', phone: '+351 912 345 678', company: 'Pastelaria Lisboa', source: 'organic search', stage: 'aware', tags: [], createdAt: '2026-01-14T09:32:00.000Z' },
      { name: 'Kenji Watanabe', email: 'kenji@watanabe.example.jp', phone: '+81 90 1234 5678', company: null, source: 'social media', stage: 'interested', tags: [], createdAt: '2026-02-03T17:05:00.000Z' },
      { name: 'Fatima Zahra', email: 'fatima.zahra@example.ma', phone: '+212 612 345 678', company: 'Zahra Traiteur', source: 'offline sources', stage: 'engaged', tags: [], createdAt: '2025-11-20T10:00:00.000Z' },
      { name: 'Lars Eriksen', email: 'lars@eriksen.example.no', phone: null, company: null, source: 'referrals', stage: 'intent', tags: [], createdAt: '2025-12-01T08:15:00.000Z' },
      { name: 'Priya Raman', email: 'priya.raman@example.in', phone: '+91 98300 12345', company: 'Raman Sweets', source: 'direct traffic', stage: 'customer', tags: [], createdAt: '2025-10-05T12:00:00.000Z' },
      { name: 'Tomás Ruiz', email: 'tomas.ruiz@example.es', phone: null, company: null, source: 'referrals', stage: 'advocate', tags: [], createdAt: '2025-09-09T09:09:00.000Z' },
      { name: 'Grace Mensah', email: 'grace.mensah@example.gh', phone: null, company: null, source: 'email marketing', stage: 'aware', tags: [], createdAt: '2026-02-20T07:45:00.000Z' },
      // No lifecycle stage: the lead status stands in ("Unqualified" → lost, the word kept as the reason).
      { name: 'Dmitri Ivanov', email: 'dmitri@example.ru', phone: null, company: null, source: 'paid search', stage: 'lost', tags: [], createdAt: '2026-01-02T13:00:00.000Z' },
    ]);
    const [ana, , , , priya] = (await prospects(store));
    expect(ana!.owner).toBe('Mitra Das');
    expect(priya!.conversion).toEqual({ at: '2025-12-24T16:30:00.000Z', value: null, currency: null, product: null });
    expect((await prospects(store))[7]!.lostReason).toBe('Unqualified');
    // Created dates are the file's, so the cohort report counts them in their own months.
    const cohorts = await run(store, ['report', 'cohorts', '--format', 'csv']);
    expect(cohorts.stdout.split('\n').slice(1, 4)).toEqual(['2025-09,1,1,1,31.042361', '2025-10,1,1,1,80.1875', '2025-11,1,0,0,']);
  });

  it('Mailchimp: OPTIN_TIME (else CONFIRM_TIME) as the created date, quoted TAGS, the same member twice in another case merged', async () => {
    const { store, r } = await importExport('mailchimp-members.csv');
    expect(r.stderr).toMatch(/created 2, merged 1, skipped 0, rejected 0\n$/);
    expect((await landed(store))).toEqual([
      { name: 'Lena Fischer', email: 'lena.fischer@example.de', phone: '+49 30 1234567', company: null, source: null, stage: 'interested', tags: ['Newsletter', 'Cakes', 'Bread'], createdAt: '2026-01-05T08:12:44.000Z' },
      { name: 'Chidi Eze', email: 'chidi@example.ng', phone: null, company: null, source: null, stage: 'interested', tags: [], createdAt: '2026-02-11T19:40:00.000Z' },
    ]);
    expect((await prospects(store))[1]).toMatchObject({ notes: 'Signed up at the stall', updatedAt: '2026-02-12T09:00:00.000Z' });
  });

  it('Shopify customers: the \' Shopify writes before phone numbers is not part of them; Phone before Default Address Phone', async () => {
    const { store } = await importExport('shopify-customers.csv');
    expect((await landed(store))).toEqual([
      // Total Orders above 0: a customer (Shopify gives no date: its day unknown).
      { name: 'Émilie Durand', email: 'emilie.durand@example.fr', phone: '+33698765432', company: 'Durand Fleurs', source: null, stage: 'customer', tags: ['wholesale', 'flowers'], createdAt: NOW },
      { name: 'Björn Nilsson', email: 'bjorn.nilsson@example.se', phone: '+46701234567', company: null, source: null, stage: 'interested', tags: [], createdAt: NOW },
    ]);
    const [emilie, bjorn] = await prospects(store);
    expect(emilie).toMatchObject({ conversion: null, doNotContact: false, fields: { orders: '3', total_spent: '84.50' } });
    // Accepts Email Marketing "no": do-not-contact, logged as consent.
    expect(bjorn).toMatchObject({ doNotContact: true, notes: 'Asked for gluten-free', consent: [{ at: NOW, granted: false, note: 'imported as do-not-contact' }] });
  });

  it('Typeform sign-ups: Submit Date as the created date, CRLF and a blank last line', async () => {
    const { store } = await importExport('typeform-signups.csv');
    expect((await landed(store))).toEqual([
      { name: 'Aroha Ngata', email: 'aroha@example.nz', phone: '+64 21 123 4567', company: null, source: null, stage: 'interested', tags: [], createdAt: '2026-02-14T10:03:12.000Z' },
      { name: 'Yusuf Demir', email: 'yusuf.demir@example.com.tr', phone: null, company: null, source: null, stage: 'interested', tags: [], createdAt: '2026-02-15T18:21:40.000Z' },
    ]);
  });

  it('re-importing any of them changes nothing', async () => {
    for (const name of ['google-contacts.csv', 'outlook-contacts.csv', 'hubspot-contacts.csv', 'mailchimp-members.csv', 'shopify-customers.csv', 'typeform-signups.csv',
      'zoho-leads.csv', 'pipedrive-people.csv', 'hubspot-customer-undated.csv']) {
      const { store } = await importExport(name);
      const before = (await storeBytes(store));
      const again = await run(store, ['import', 'prospects', exportFile(name)], { now: '2026-03-11T12:00:00.000Z' });
      expect(again.stderr, name).toMatch(/created 0, merged 0, skipped \d+, rejected 0 \(nothing to change\)\n$/);
      expect((await storeBytes(store)), name).toEqual(before);
    }
  });
});

describe('import prospects: --map-value, --date-order and the warnings', () => {
  it('--map-value overrides the stage table for one column, matching the value ignoring case and spaces', async () => {
    const store = (await tempStore());
    const file = csvFile('Name,Email,Lifecycle Stage\nAna,ana@example.com,Lead\nKenji,kenji@example.com,OTHER\n');
    const r = await run(store, ['import', 'prospects', file, '--map-value', 'lifecycle stage:lead=engaged', '--map-value', 'Lifecycle Stage:Other=intent']);
    expect(r.code).toBe(0);
    expect((await prospects(store)).map((p) => p.stage)).toEqual(['engaged', 'intent']);
  });

  it('--map-value works on any column (sources in the shop\'s own words)', async () => {
    const store = (await tempStore());
    const file = csvFile('Name,Original Source\nAna,OFFLINE\nKenji,Organic Search\n');
    expect((await run(store, ['import', 'prospects', file, '--map-value', 'Original Source:offline=walk-in'])).code).toBe(0);
    expect((await prospects(store)).map((p) => p.source)).toEqual(['walk-in', 'organic search']);
  });

  it.each([
    [['--map-value', 'Lifecycle Stage:lead'], '--map-value "Lifecycle Stage:lead" is not "Column:value=replacement" (e.g. "Lifecycle Stage:lead=interested")'],
    [['--map-value', 'lead=aware'], '--map-value "lead=aware" is not "Column:value=replacement" (e.g. "Lifecycle Stage:lead=interested")'],
    [['--map-value', 'Status:lead=aware'], '--map-value "Status:lead=aware": the file has no such column (columns: "Name", "Lifecycle Stage")'],
    [['--map-value', 'Lifecycle Stage:lead=hot'], 'unknown stage "hot" (use one of: aware, interested, engaged, intent, customer, advocate, lost)'],
    [['--date-order', 'ymd'], 'unknown --date-order "ymd" (use one of: dmy, mdy)'],
  ])('%j → exit 2 before reading a row: %s', async (args, message) => {
    const store = (await tempStore());
    const r = await run(store, ['import', 'prospects', csvFile('Name,Lifecycle Stage\nAna,Lead\n'), ...args]);
    expect(r).toMatchObject({ code: 2, stderr: `error: ${message}\n` });
  });

  it('an unknown lifecycle value is refused with the column to map it from', async () => {
    const r = await run((await tempStore()), ['import', 'prospects', csvFile('Name,Lifecycle Stage\nAna,Hot prospect\n')]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('line 2: unknown stage "Hot prospect" (use one of: aware, interested, engaged, intent, customer, advocate, lost); map it to one with --map-value "Lifecycle Stage:Hot prospect=<stage>"');
  });

  it('--date-order reads slash dates the file\'s way, and refuses one that does not fit it', async () => {
    const file = csvFile('Name,Create Date\nAna,03/07/2024 14:05\nKenji,13/07/2024\n');
    const ambiguous = await run((await tempStore()), ['import', 'prospects', file]);
    expect(ambiguous.code).toBe(65);
    expect(ambiguous.stderr).toContain('line 2: created_at "03/07/2024" could be March 7 or July 3 (write 2024-03-07 or 2024-07-03, or give the file\'s order: --date-order mdy or dmy)');
    const dmy = (await tempStore());
    expect((await run(dmy, ['import', 'prospects', file, '--date-order', 'dmy'])).code).toBe(0);
    expect((await prospects(dmy)).map((p) => p.createdAt)).toEqual(['2024-07-03T14:05:00.000Z', '2024-07-13T00:00:00.000Z']);
    const mdy = await run((await tempStore()), ['import', 'prospects', file, '--date-order', 'mdy']);
    expect(mdy.code).toBe(65);
    expect(mdy.stderr).toContain('line 3: created_at "13/07/2024" is not a date in month/day/year order (--date-order mdy)');
  });

  it('a file with no email or phone column warns, before anything is written, that names are all it can go by', async () => {
    const store = (await tempStore());
    const r = await run(store, ['import', 'prospects', csvFile('Name,Notes\nAna,likes rye\n')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('warning: no column gives an email or a phone, so prospects are told apart by name only (map one with --map "Header=email" or "Header=phone")\n'
      + 'created 1, merged 0, skipped 0, rejected 0\n');
  });
});

describe('import prospects --dry-run', () => {
  const file = () => csvFile('Name,E-mail 1 - Value,E-mail 2 - Value,Phone,Shoe size,Lifecycle Stage\n'
    + 'Ravi,ravi@example.com,,,44,lead\nAnita,,anita@example.com,,,cold\nRavi S,RAVI@example.com,,+91 98300 00000,,\nMira,mira@example.com,,,,\n');

  it('shows the column mapping on stderr and writes nothing', async () => {
    const store = (await tempStore());
    const r = await run(store, ['import', 'prospects', file(), '--dry-run']);
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n').slice(0, 9)).toEqual([
      'read as CSV, utf8 (detected), delimiter ",", header on line 1',
      'ignoring unknown column(s) "Shoe size" (to keep one: --map "Shoe size=field.shoe_size")',
      'columns (header → field):',
      '  "Name" → name',
      '  "E-mail 1 - Value" → email',
      '  "E-mail 2 - Value" → email, where "E-mail 1 - Value" is empty',
      '  "Phone" → phone',
      '  "Shoe size" → ignored (unknown)',
      '  "Lifecycle Stage" → stage',
    ]);
    expect((await storeCreated(store))).toBe(false);
  });

  it('--format csv: one row per input line with its action, the prospect id and the reason', async () => {
    const store = (await tempStore());
    await run(store, ['prospect', 'add', 'Mira', '--email', 'mira@example.com']);
    const r = await run(store, ['import', 'prospects', file(), '--dry-run', '--format', 'csv']);
    expect(r.stdout).toBe([
      'line,action,id,reason',
      '2,created,2,',
      '3,rejected,,"unknown stage ""cold"" (use one of: aware, interested, engaged, intent, customer, advocate, lost); map it to one with --map-value ""Lifecycle Stage:cold=<stage>"""',
      '4,merged,2,same email as line 2; adds phone',
      '5,skipped,1,same email as #1; nothing new',
      '',
    ].join('\n'));
  });

  it('--format json: the summary with the same rows', async () => {
    const r = await run((await tempStore()), ['import', 'prospects', file(), '--dry-run', '--json', '--skip-invalid']);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ created: 2, merged: 1, skipped: 0, rejected: 1, written: false, dryRun: true });
    expect(out.rows).toEqual([
      { line: 2, action: 'created', id: 1, reason: null },
      { line: 3, action: 'rejected', id: null, reason: 'unknown stage "cold" (use one of: aware, interested, engaged, intent, customer, advocate, lost); map it to one with --map-value "Lifecycle Stage:cold=<stage>"' },
      { line: 4, action: 'merged', id: 1, reason: 'same email as line 2; adds phone' },
      { line: 5, action: 'created', id: 2, reason: null },
    ]);
  });
});

describe('README documents the column table', () => {
  it('lists every spelling the importer recognises, and the stage values', async () => {
    const { PROSPECT_HEADERS } = await import('../../src/csv/contact-columns.js');
    const { FOREIGN_STAGE_VALUES } = await import('../../src/csv/stage-values.js');
    const { normaliseHeader } = await import('../../src/csv/headers.js');
    const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    // First, middle and last name are told in the name row.
    const row = (field: string) => readme.split('\n').find((l) => l.startsWith(`| ${/_name$/.test(field) ? 'name' : field} |`)) ?? '';
    for (const [field, spellings] of Object.entries(PROSPECT_HEADERS.aliases)) {
      for (const s of spellings) expect(normaliseHeader(row(field)), `${field}: ${s}`).toContain(normaliseHeader(s));
    }
    for (const [value, stage] of FOREIGN_STAGE_VALUES) {
      expect(readme.split('\n').some((l) => l.startsWith('| ') && l.toLowerCase().includes(value.toLowerCase()) && l.includes(`\`${stage}\``)), `${value} → ${stage}`).toBe(true);
    }
  });
});
