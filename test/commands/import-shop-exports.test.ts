// The exports a shop has besides its contact book (test/fixtures/csv/exports/, each from its product's own header
// row): a till's and a web shop's customers arrive as customers, with consent and notes; event, lead-ad, CRM and
// form exports import without --map, their informational columns never rejecting a row.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NOW, csvFile, exportFile, prospects } from '../fixtures/exports.js';
import { run, storeBytes, storedDoc, tempDir, tempStore } from '../helpers.js';


/** What a person became: the facts these exports carry. */
const landed = async (store: string) => (await prospects(store)).map((p) => ({
  name: p.name, email: p.email, phone: p.phone, stage: p.stage, conversion: p.conversion?.at ?? null, doNotContact: p.doNotContact,
  createdAt: p.createdAt, notes: p.notes, fields: p.fields,
}));

async function importExport(name: string, args: string[] = []) {
  const store = await tempStore();
  const r = await run(store, ['import', 'prospects', exportFile(name), ...args]);
  expect(r.code, r.stderr).toBe(0);
  return { store, r };
}

/** Re-importing the same export changes nothing, not even the store's bytes. */
async function expectIdempotent(store: string, name: string) {
  const before = await storeBytes(store);
  const again = await run(store, ['import', 'prospects', exportFile(name)], { now: '2026-03-11T12:00:00.000Z' });
  expect(again.stderr, name).toMatch(/created 0, merged 0, skipped \d+, rejected 0 \(nothing to change\)\n$/);
  expect(await storeBytes(store), name).toEqual(before);
}

describe('import prospects: a till\'s and a web shop\'s customers', () => {
  it('Square: First Visit is the first purchase (a customer through convert), Memo the notes, Unsubscribed do-not-contact', async () => {
    const { store, r } = await importExport('square-customers.csv');
    expect(r.stderr).toMatch(/created 3, merged 0, skipped 0, rejected 0\n$/);
    expect(await landed(store)).toEqual([
      { name: 'Camille Laurent', email: 'camille.laurent@example.fr', phone: '+33 6 12 34 56 78', stage: 'customer', conversion: '2025-11-04T00:00:00.000Z', doNotContact: false,
        createdAt: '2025-11-04T00:00:00.000Z', notes: 'Allergic to hazelnuts, orders the rye loaf on Fridays', fields: { orders: '14', total_spent: '$186.40', last_purchase: '2026-03-07' } },
      { name: 'Hugo Martin', email: 'hugo.martin@example.fr', phone: '+33 6 98 76 54 32', stage: 'customer', conversion: '2026-01-15T00:00:00.000Z', doNotContact: true,
        createdAt: '2026-01-15T00:00:00.000Z', notes: null, fields: { orders: '1', total_spent: '$12.50', last_purchase: '2026-01-15' } },
      // No visit yet: a prospect, not a customer.
      { name: 'Inès Moreau', email: 'ines.moreau@example.fr', phone: null, stage: 'interested', conversion: null, doNotContact: false,
        createdAt: NOW, notes: 'Wants a quote for 40 croissants', fields: { orders: '0', total_spent: '$0.00' } },
    ]);
    const hugo = (await prospects(store))[1]!;
    expect(hugo.stageHistory).toEqual([{ stage: 'interested', at: '2026-01-15T00:00:00.000Z' }, { stage: 'customer', at: '2026-01-15T00:00:00.000Z' }]);
    expect(hugo.consent).toEqual([{ at: NOW, granted: false, note: 'imported as do-not-contact' }]);
    // Out of the daily list and of a mailing, as any do-not-contact prospect.
    expect((await run(store, ['export', 'prospects', '--contactable', '--format', 'csv'])).stdout).not.toContain('hugo.martin');
    await expectIdempotent(store, 'square-customers.csv');
  });

  it('WooCommerce: Orders above 0 is a customer whose purchase day is unknown, Date Registered the created date', async () => {
    const { store } = await importExport('woocommerce-customers.csv');
    expect(await landed(store)).toEqual([
      { name: 'Léa Petit', email: 'lea.petit@example.fr', phone: null, stage: 'customer', conversion: null, doNotContact: false,
        createdAt: '2025-12-01T10:15:00.000Z', notes: null, fields: { orders: '3', total_spent: '€96.00' } },
      { name: 'Noah Girard', email: 'noah.girard@example.be', phone: null, stage: 'interested', conversion: null, doNotContact: false,
        createdAt: '2026-02-20T18:40:00.000Z', notes: null, fields: { orders: '0', total_spent: '€0.00' } },
    ]);
    const show = await run(store, ['prospect', 'show', 'Léa Petit']);
    expect(show.stdout).toContain('converted    date unknown\n');
    await expectIdempotent(store, 'woocommerce-customers.csv');
  });

  it('a row both lost and with orders contradicts itself: rejected, naming the column', async () => {
    const r = await run(await tempStore(), ['import', 'prospects', csvFile('Name,Lead Status,Total Orders\nAna,Unqualified,2\n')]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('  line 2: stage "lost" is for someone who never bought, but the row records a purchase (Total Orders)\n');
  });

  it('--dry-run says what the shop\'s columns become', async () => {
    const r = await run(await tempStore(), ['import', 'prospects', exportFile('square-customers.csv'), '--dry-run']);
    expect(r.stderr).toContain('  "First Visit" → converted_at (the first purchase: a customer)\n');
    expect(r.stderr).toContain('  "Transaction Count" → orders (above 0: a customer; kept as field.orders)\n');
    expect(r.stderr).toContain('  "Email Subscription Status" → email_marketing (a refusal (no, unsubscribed …): do-not-contact)\n');
    expect(r.stderr).toContain('  "Memo" → notes\n');
  });
});

describe('import prospects: a customer row without a purchase date', () => {
  it('HubSpot "Customer" with no Became a Customer Date: a customer, date unknown, and every report reads it', async () => {
    const { store, r } = await importExport('hubspot-customer-undated.csv');
    expect(r.stderr).toMatch(/created 2, merged 0, skipped 0, rejected 0\n$/);
    const [sofia] = await prospects(store);
    expect(sofia).toMatchObject({ stage: 'customer', conversion: null, createdAt: '2025-08-02T11:00:00.000Z' });
    expect((await run(store, ['prospect', 'show', 'Sofia'])).stdout).toContain('converted    date unknown\n');
    // A customer in the counts; no days to convert or touches before a purchase nobody dated.
    const cohorts = await run(store, ['report', 'cohorts', '--format', 'csv']);
    expect(cohorts.stdout.split('\n')[1]).toBe('2025-08,1,1,1,');
    const sources = await run(store, ['report', 'sources', '--format', 'csv']);
    expect(sources.stdout).toBe('source,prospects,customers,conversion_rate,median_days_to_convert,avg_touches_before_conversion,revenue\n,2,1,0.5,,,0\n');
    for (const report of ['funnel', 'touches', 'referrals', 'velocity']) {
      expect((await run(store, ['report', report])).code, report).toBe(0);
    }
    // No purchase to list among the conversions; the prospects export says customer, and imports back the same.
    expect((await run(store, ['export', 'conversions', '--format', 'csv'])).stdout.split('\n').length).toBe(2);
    const file = join(tempDir(), 'out.csv');
    await run(store, ['export', 'prospects', '-o', file]);
    const copy = await tempStore();
    expect((await run(copy, ['import', 'prospects', file])).code).toBe(0);
    expect((await prospects(copy))[0]).toMatchObject({ stage: 'customer', conversion: null });
  });

  it('a later file with the purchase date fills it in', async () => {
    const { store } = await importExport('hubspot-customer-undated.csv');
    const r = await run(store, ['import', 'prospects', csvFile('Email,First Purchase Date\nsofia.rossi@example.it,2025-09-01\n')]);
    expect(r.stderr).toMatch(/merged 1/);
    const [sofia] = await prospects(store);
    expect(sofia).toMatchObject({ stage: 'customer', conversion: { at: '2025-09-01T00:00:00.000Z', value: null, currency: null, product: null } });
  });
});

describe('import prospects: events, lead ads and CRMs', () => {
  it('Eventbrite: Currency rejects nothing; attendees under the buyer\'s email are each kept, said in the summary', async () => {
    const { store, r } = await importExport('eventbrite-attendees.csv');
    expect(r.stderr).toMatch(/\ncreated 3, merged 0, skipped 0, rejected 0; 1 shared an email with another row \(kept without it, with a note\)\n$/);
    expect((await landed(store)).map((p) => [p.name, p.email, p.notes])).toEqual([
      ['Marta Nowak', 'marta.nowak@example.pl', null],
      ['Jonas Weber', 'jonas.weber@example.de', null],
      ['Lena Weber', null, 'Shared the email jonas.weber@example.de with Jonas Weber (#2), who keeps it.'],
    ]);
    await expectIdempotent(store, 'eventbrite-attendees.csv');
  });

  it('Meta lead ads: p: phones and l: ids without their prefix, created_time as the created date', async () => {
    const { store } = await importExport('meta-lead-ads.csv');
    expect((await landed(store)).map((p) => [p.name, p.phone, p.createdAt, p.fields])).toEqual([
      ['Chloé Bernard', '+33612345601', '2026-03-02T17:45:12.000Z', { lead_id: '1198273645501234' }],
      ['Mathis Roux', '+33698765402', '2026-03-03T07:10:00.000Z', { lead_id: '1198273645505678' }],
    ]);
    await expectIdempotent(store, 'meta-lead-ads.csv');
  });

  it('Zoho: Created Time is the created date, Mobile before the Phone landline, Lead Status and Email Opt Out read', async () => {
    const { store } = await importExport('zoho-leads.csv');
    expect((await landed(store)).map((p) => [p.name, p.phone, p.stage, p.createdAt, p.doNotContact, p.notes])).toEqual([
      ['Julien Fabre', '+33 6 45 67 89 01', 'interested', '2026-01-20T10:12:00.000Z', false, 'Wants 30 baguettes a day'],
      ['Amélie Costa', '+33 4 72 33 44 55', 'aware', '2026-02-11T08:05:00.000Z', true, null],
    ]);
  });

  it('Pipedrive: Person - columns recognised, a mobile first, the marketing status, its record id ignored without a word', async () => {
    const { store, r } = await importExport('pipedrive-people.csv');
    expect(r.stderr).toBe('created 2, merged 0, skipped 0, rejected 0\n');
    const stored = await prospects(store);
    expect(stored.map((p) => [p.name, p.email, p.phone, p.company, p.tags, p.owner, p.createdAt, p.doNotContact])).toEqual([
      ['Théo Lambert', 'theo@lambert-epicerie.example', '+33 6 01 02 03 04', 'Lambert Épicerie', ['Hot lead'], 'Mitra Das', '2026-01-12T09:14:33.000Z', false],
      ['Clara Vidal', 'clara.vidal@example.fr', '+33 4 91 00 00 02', null, ['Cold lead'], 'Mitra Das', '2026-02-03T15:00:00.000Z', true],
    ]);
  });

  it('two --map options to one field are read in the order given, not the file\'s column order', async () => {
    const store = await tempStore();
    const file = csvFile('Name,Desk,Cell\nAna,+33 4 00 00 00 01,+33 6 00 00 00 01\nBen,+33 4 00 00 00 02,\n');
    const r = await run(store, ['import', 'prospects', file, '--map', 'Cell=phone', '--map', 'Desk=phone']);
    expect(r.code, r.stderr).toBe(0);
    expect((await prospects(store)).map((p) => p.phone)).toEqual(['+33 6 00 00 00 01', '+33 4 00 00 00 02']);
  });
});

describe('import prospects: a referrer written as a name', () => {
  it('is linked when it names exactly one prospect of the store or the file, else kept as a field with a warning', async () => {
    const store = await tempStore();
    await run(store, ['prospect', 'add', 'Omar Haddad', '--email', 'omar@example.com']);
    await run(store, ['prospect', 'add', 'Sam Lee', '--email', 'sam1@example.com']);
    await run(store, ['prospect', 'add', 'Sam Lee', '--email', 'sam2@example.com']);
    const file = csvFile('Name,Email,Referred By\nAnita Rao,anita@example.com,Ravi Sen\nRavi Sen,ravi@example.com,omar haddad\n'
      + 'Mira Das,mira@example.com,Sam Lee\nLeo Park,leo@example.com,my cousin\n');
    const r = await run(store, ['import', 'prospects', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('warning: line 4: referred_by names 2 prospects (#2, #3); kept as the custom field referred_by\n'
      + 'warning: line 5: referred_by names no prospect in the file or the store; kept as the custom field referred_by\n'
      + 'created 4, merged 0, skipped 0, rejected 0\n');
    const byName = new Map((await prospects(store)).map((p) => [p.name, p]));
    expect(byName.get('Anita Rao')!.referredBy).toBe(byName.get('Ravi Sen')!.id);
    expect(byName.get('Ravi Sen')!.referredBy).toBe(byName.get('Omar Haddad')!.id);
    expect(byName.get('Mira Das')).toMatchObject({ referredBy: null, fields: { referred_by: 'Sam Lee' } });
    expect(byName.get('Leo Park')).toMatchObject({ referredBy: null, fields: { referred_by: 'my cousin' } });
  });
});

describe('import prospects and responses: form exports\' times', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = tz;
  });

  it('Typeform: a "(UTC)" header means UTC, whatever the computer\'s zone (Paris here)', async () => {
    process.env.TZ = 'Europe/Paris';
    const { store } = await importExport('typeform-signups.csv');
    expect((await prospects(store)).map((p) => p.createdAt)).toEqual(['2026-02-14T10:03:12.000Z', '2026-02-15T18:21:40.000Z']);
    const dry = await run(store, ['import', 'prospects', exportFile('typeform-signups.csv'), '--dry-run']);
    expect(dry.stderr).toContain('  "Submit Date (UTC)" → created_at (times in UTC)\n');
  });
});

describe('import responses: a Google Forms export', () => {
  const survey = async () => {
    const store = await tempStore();
    await run(store, ['survey', 'create', 'bakery', '--question', 'nps:nps:How likely are you to recommend us to a friend?',
      '--question', 'reason:choice(taste|price|location):What would bring you in most?', '--question', 'prices:scale:How fair do our prices look?']);
    return store;
  };
  const answers = async (store: string) => (await storedDoc(store)).responses.map((r) => [r.at, r.answers]);

  it('an "Other" answer is kept as its text, EST times are read; an answer out of range refuses the file, naming it', async () => {
    const store = await survey();
    const r = await run(store, ['import', 'responses', 'bakery', exportFile('google-forms-responses.csv')]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('  line 4: answer "7" to question "prices" (How fair do our prices look?) must be a whole number from 1 to 5\n');
    expect(r.stderr).not.toContain('line 3');
    expect(await answers(store)).toEqual([]);
  });

  it('--skip-invalid keeps the person\'s other answers (their NPS) and says which answer it left out', async () => {
    const store = await survey();
    const r = await run(store, ['import', 'responses', 'bakery', exportFile('google-forms-responses.csv'), '--skip-invalid']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: line 4: kept the other answers, left out: answer "7" to question "prices" (How fair do our prices look?) must be a whole number from 1 to 5\n');
    expect(r.stderr).toMatch(/created 3, merged 0, skipped 0, rejected 0\n$/);
    expect(await answers(store)).toEqual([
      ['2026-03-03T23:05:12.000Z', { nps: 9, reason: 'taste', prices: 4 }],
      ['2026-03-04T14:15:00.000Z', { nps: 7, reason: 'The cinnamon buns, honestly', prices: 3 }],
      ['2026-03-05T17:30:00.000Z', { nps: 10, reason: 'price' }],
    ]);
  });
});
