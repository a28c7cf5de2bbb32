import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir, tempStore } from '../helpers.js';

async function shop(): Promise<string> {
  const store = (await tempStore());
  const at = (now: string, ...args: string[]) => run(store, args, { now });
  await at('2026-01-05T17:10:00Z', 'prospect', 'add', 'Ravi Sen', '--email', 'ravi@example.com', '--phone', '+91 98300 00000', '--source', 'walk-in', '--tag', 'evening', '--tag', 'cakes', '--owner', 'mitra', '--note', 'passes at six, every evening', '--field', 'allergy=nuts');
  await at('2026-01-09T10:20:00Z', 'prospect', 'add', 'Anita Rao', '--email', 'anita@example.com', '--source', 'instagram', '--company', '=HYPERLINK("http://evil.example","click")', '--follow-up', '2026-01-20', '--next', '@SUM(A1:A2)');
  await at('2026-01-12T16:45:00Z', 'prospect', 'add', 'Tomás', '--phone', '+44 7700 900123', '--source', 'market', '--stage', 'aware', '--field', 'balance=-5', '--field', 'note=+cmd|calc', '--referred-by', '1');
  await at('2026-01-13T09:00:00Z', 'prospect', 'do-not-contact', 'Tomás', '--note', 'asked');
  return store;
}

describe('export prospects', () => {
  it('prints the fixed columns, ISO UTC dates, ;-joined lists and guarded formula cells', async () => {
    const r = await run(await shop(), ['export', 'prospects']);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('../golden/export-prospects.csv');
    const lines = r.stdout.split('\n');
    expect(lines[2]).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`);
    expect(lines[2]).toContain(",'@SUM(A1:A2),");
    expect(lines[1]).toContain(',+91 98300 00000,');
    expect(lines[3]).toMatch(/^3,Tomás,,\+44 7700 900123,/);
    expect(lines[3]).toContain(",-5,'+cmd|calc");
    expect(lines[3]).toMatch(/,'\+cmd\|calc$/);
  });

  it('--excel adds a BOM and CRLF; --format tsv uses tabs; --json prints whole records', async () => {
    const store = await shop();
    const excel = (await run(store, ['export', 'prospects', '--excel'])).stdout;
    expect(excel.startsWith('\ufeffid,name,')).toBe(true);
    expect(excel.split('\r\n')).toHaveLength(5);
    expect((await run(store, ['export', 'prospects', '--format', 'tsv'])).stdout.split('\n')[0]).toBe(
      'id\tname\temail\tphone\tcompany\tsource\tstage\ttags\towner\treferred_by\tdo_not_contact\tcadence_days\tfollow_up_at\tfollow_up_note\tlost_reason\tconverted_at\tconversion_value\tcurrency\tproduct\tnotes\tcreated_at\tupdated_at\tdescription\tfield.allergy\tfield.balance\tfield.note');
    const json = JSON.parse((await run(store, ['export', 'prospects', '--json'])).stdout);
    expect(json[0]).toMatchObject({ id: 1, name: 'Ravi Sen', fields: { allergy: 'nuts' }, stageHistory: [{ stage: 'interested', at: '2026-01-05T17:10:00.000Z' }] });
  });

  it('filters like prospect list, and --contactable leaves out do-not-contact prospects', async () => {
    const store = await shop();
    const ids = async (...args: string[]) => (await run(store, ['export', 'prospects', ...args])).stdout.split('\n').slice(1, -1).map((l) => l.split(',')[0]);
    expect(await ids('--contactable')).toEqual(['1', '2']);
    expect(await ids('--source', 'market')).toEqual(['3']);
    expect(await ids('--since', '2026-01-09')).toEqual(['2', '3']);
    expect((await run(store, ['export', 'prospects', '--format', 'table'])).code).toBe(2);
  });

  it('-o writes a 0600 file and says so on stderr', async () => {
    const out = join(tempDir(), 'p.csv');
    const r = await run(await shop(), ['export', 'prospects', '-o', out]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: `wrote 3 prospect(s) to ${out}\n` });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect((await run(await shop(), ['export', 'prospects', '-o', '/nonexistent/dir/p.csv'])).code).toBe(73);
  });
});

describe('export touches and conversions', () => {
  it('touches, oldest first, with the prospect\'s email and name', async () => {
    const store = await shop();
    const file = join(tempDir(), 't.csv');
    writeFileSync(file, 'prospect,type,at,note,by\n2,tasting,2026-01-15T18:00:00Z,=1+1,mitra\n1,greeting,2026-01-06T17:00:00Z,,joel\n');
    await run(store, ['import', 'touches', file]);
    const r = await run(store, ['export', 'touches']);
    expect(r.stdout).toBe([
      'id,prospect_id,email,name,type,at,direction,outcome,by,note,cost,currency',
      '2,1,ravi@example.com,Ravi Sen,greeting,2026-01-06T17:00:00.000Z,,,joel,,,',
      "1,2,anita@example.com,Anita Rao,tasting,2026-01-15T18:00:00.000Z,,,mitra,'=1+1,,",
      '',
    ].join('\n'));
    expect((await run(store, ['export', 'touches', '--type', 'tasting'])).stdout.split('\n')).toHaveLength(3);
    expect((await run(store, ['export', 'touches', '--by', 'joel', '--since', '2026-01-07'])).stdout.split('\n')).toHaveLength(2);
  });

  it('conversions with days to convert and touches before the purchase', async () => {
    const store = (await tempStore());
    const file = join(tempDir(), 'p.csv');
    writeFileSync(file, 'id,name,email,source,created_at,converted_at,conversion_value,currency,product\n1,Ravi,ravi@example.com,walk-in,2026-01-05T17:10:00Z,2026-02-14T11:00:00Z,250.5,inr,birthday cake\n2,Anna,anna@example.com,market,2026-01-06,,,,\n');
    await run(store, ['import', 'prospects', file]);
    writeFileSync(file, 'prospect,type,at\n1,greeting,2026-01-06\n1,tasting,2026-02-01\n1,call,2026-03-01\n');
    await run(store, ['import', 'touches', file]);
    const r = await run(store, ['export', 'conversions']);
    expect(r.stdout).toBe([
      'prospect_id,name,email,source,owner,referred_by,created_at,converted_at,days_to_convert,touches_before_conversion,value,currency,product',
      '1,Ravi,ravi@example.com,walk-in,,,2026-01-05T17:10:00.000Z,2026-02-14T11:00:00.000Z,40,2,250.5,INR,birthday cake',
      '',
    ].join('\n'));
    expect(JSON.parse((await run(store, ['export', 'conversions', '--json'])).stdout)[0]).toMatchObject({ prospect_id: 1, value: 250.5, days_to_convert: 40 });
  });
});
