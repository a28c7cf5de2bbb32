// report html opened in a real browser (Debian's chromium, headless, no network): it loads with no failed request
// and fetches nothing, every chart's SVG is there with one bar per stage, the figures equal `report funnel --json`,
// it fits a phone's width and prints on A4, and it shows names only. A screenshot is written for a person to see.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnPrecrm, tempDir } from '../helpers.js';

const CHROMIUM = process.env.PRECRM_CHROMIUM ?? '/usr/bin/chromium';
const SAMPLE = fileURLToPath(new URL('../../data/bakery.json', import.meta.url));
const NOW = '2026-11-23T08:00:00Z';
const missing = existsSync(CHROMIUM) ? '' : ` — SKIPPED: no browser at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)`;

async function withPage<T>(work: (page: import('playwright-core').Page) => Promise<T>, viewport = { width: 1000, height: 800 }): Promise<T> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport });
    return await work(page);
  } finally {
    await browser.close();
  }
}

describe('report html in a browser', () => {
  const store = join(tempDir(), 'store.json');
  copyFileSync(SAMPLE, store);

  it.skipIf(Boolean(missing))(`loads with nothing fetched, a chart per section, and the figures of report funnel --json${missing}`, async () => {
    const out = join(tempDir(), 'report.html');
    const made = await spawnPrecrm(['--store', store, 'report', 'html', '--out', out, '--title', 'Bakery 2026'], { env: { PRECRM_NOW: NOW } });
    expect(made).toMatchObject({ code: 0, stdout: '' });
    const funnel = JSON.parse((await spawnPrecrm(['--store', store, 'report', 'funnel', '--json'], { env: { PRECRM_NOW: NOW } })).stdout);
    const shot = join(process.env.PRECRM_SCREENSHOT_DIR ?? tmpdir(), 'precrm-report-html.png');
    const seen = await withPage(async (page) => {
      const requests: string[] = [];
      const failed: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('requestfailed', (r) => failed.push(r.url()));
      await page.goto(`file://${out}`, { waitUntil: 'load' });
      const dom = await page.evaluate(() => ({
        title: document.title,
        figures: document.querySelectorAll('figure').length,
        svgs: document.querySelectorAll('figure > svg.wide').length,
        narrow: document.querySelectorAll('figure > svg.narrow').length,
        funnelBars: document.querySelectorAll('#funnel svg.wide g[aria-label="bar"] rect').length,
        funnelRows: [...document.querySelectorAll('#funnel tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.dataset.value ?? td.textContent)),
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      }));
      await page.screenshot({ path: shot, fullPage: true });
      return { requests, failed, dom };
    });
    expect(seen.failed).toEqual([]);
    expect(seen.requests).toEqual([`file://${out}`]);
    expect(seen.dom.title).toBe('Bakery 2026');
    expect(seen.dom.figures).toBe(5); // funnel, sources, cohorts, velocity, loyalty
    expect(seen.dom.svgs).toBe(5);
    expect(seen.dom.narrow).toBe(5);
    expect(seen.dom.funnelBars).toBe(funnel.length); // the six stages and the sample's anonymous counts above them
    const num = (v: string | null) => (v === '' || v === null ? null : Number(v));
    expect(seen.dom.funnelRows.map(([stage, ...rest]) => [stage, ...rest.map(num)])).toEqual(
      funnel.map((r: Record<string, number | string | null>) => [r.stage, r.reached, r.current, r.lost, r.step_rate, r.overall_rate, r.median_days]));
    expect(seen.dom.overflow).toBeLessThanOrEqual(0);
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    console.info(`report html screenshot: ${shot}`);
  }, 120_000);

  it.skipIf(Boolean(missing))(`on a 390-px phone: chart text of 11 px or more, wide tables scroll inside their box, the page never sideways${missing}`, async () => {
    const out = join(tempDir(), 'report.html');
    writeFileSync(out, (await spawnPrecrm(['--store', store, 'report', 'html'], { env: { PRECRM_NOW: NOW } })).stdout);
    const phone = await withPage(async (page) => {
      await page.goto(`file://${out}`);
      return page.evaluate(() => {
        // A visible chart's text as drawn: its font size times the drawing's scale on the page.
        const texts = [...document.querySelectorAll('figure > svg')].filter((svg) => getComputedStyle(svg).display !== 'none').flatMap((svg) => {
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
          return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
        });
        const boxes = [...document.querySelectorAll('.scroll')].map((box) => ({ overflowX: getComputedStyle(box).overflowX, wider: box.scrollWidth > box.clientWidth }));
        return { charts: document.querySelectorAll('figure > svg').length, texts, boxes, overflow: document.documentElement.scrollWidth - window.innerWidth };
      });
    }, { width: 390, height: 800 });
    expect(phone.texts.length).toBeGreaterThan(10);
    expect(Math.min(...phone.texts)).toBeGreaterThanOrEqual(11);
    expect(phone.boxes.some((b) => b.wider)).toBe(true);
    expect(phone.boxes.every((b) => b.overflowX === 'auto')).toBe(true);
    expect(phone.overflow).toBeLessThanOrEqual(0);
  }, 120_000);

  it.skipIf(Boolean(missing))(`with tallies, the funnel's anonymous rows fit a 390-px phone: every label whole on screen, text of 11 px or more${missing}`, async () => {
    const shop = join(tempDir(), 'tallies.json');
    copyFileSync(SAMPLE, shop);
    for (const [type, count] of [['greeting', '40'], ['sample', '60']]) {
      expect((await spawnPrecrm(['--store', shop, 'tally', 'log', type!, count!, '--at', '2026-11-20'], { env: { PRECRM_NOW: NOW } })).code).toBe(0);
    }
    const out = join(tempDir(), 'report.html');
    writeFileSync(out, (await spawnPrecrm(['--store', shop, 'report', 'html'], { env: { PRECRM_NOW: NOW } })).stdout);
    const phone = await withPage(async (page) => {
      await page.goto(`file://${out}`);
      return page.evaluate(() => {
        const svg = [...document.querySelectorAll('#funnel figure > svg')].find((x) => getComputedStyle(x).display !== 'none') as SVGSVGElement;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const texts = [...svg.querySelectorAll('text')].map((t) => {
          const box = t.getBoundingClientRect();
          return { text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * scale, left: box.left, right: box.right };
        });
        const rows = [...document.querySelectorAll('#funnel tbody tr')].map((tr) => tr.querySelector('td')?.textContent);
        return { texts, rows, width: window.innerWidth, overflow: document.documentElement.scrollWidth - window.innerWidth };
      });
    }, { width: 390, height: 800 });
    expect(phone.rows.slice(0, 4)).toEqual(['anonymous greeting', 'anonymous sample', 'anonymous tasting', 'aware']);
    expect(phone.texts.map((t) => t.text)).toEqual(expect.arrayContaining(['anon. greeting', 'anon. sample']));
    for (const t of phone.texts) {
      expect(t.size, t.text!).toBeGreaterThanOrEqual(11);
      expect(t.left, t.text!).toBeGreaterThanOrEqual(0);
      expect(t.right, t.text!).toBeLessThanOrEqual(phone.width);
    }
    expect(phone.overflow).toBeLessThanOrEqual(0);
  }, 120_000);

  it.skipIf(Boolean(missing))(`fits a phone's width and prints on A4${missing}`, async () => {
    const out = join(tempDir(), 'report.html');
    writeFileSync(out, (await spawnPrecrm(['--store', store, 'report', 'html'], { env: { PRECRM_NOW: NOW } })).stdout);
    const phone = await withPage(async (page) => {
      await page.goto(`file://${out}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      const pdf = await page.pdf({ format: 'A4' });
      return { overflow, pdf: pdf.subarray(0, 5).toString(), size: pdf.length };
    }, { width: 375, height: 700 });
    expect(phone.overflow).toBeLessThanOrEqual(0);
    expect(phone.pdf).toBe('%PDF-');
  }, 120_000);
});

describe('report html, the page itself', () => {
  it('is self-contained: no script, no URL to fetch, a policy that forbids fetching', async () => {
    const store = join(tempDir(), 'store.json');
    copyFileSync(SAMPLE, store);
    const r = await spawnPrecrm(['--store', store, 'report', 'html'], { env: { PRECRM_NOW: NOW } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).not.toMatch(/<script|<link|@import|url\(|src=/i);
    expect(r.stdout).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    // Only the SVG namespace looks like a URL.
    expect(r.stdout.match(/https?:\/\/[^"'\s<]+/g)?.filter((u) => u !== 'http://www.w3.org/2000/svg') ?? []).toEqual([]);
  });

  it('shows names only: no email or phone of anyone, nothing of do-not-contact or forgotten prospects', async () => {
    const store = join(tempDir(), 'store.json');
    copyFileSync(SAMPLE, store);
    const env = { PRECRM_NOW: NOW };
    // Ravi refers people and is due today; once he asks not to be contacted he must vanish from the page.
    expect((await spawnPrecrm(['--store', store, 'prospect', 'do-not-contact', 'ravi'], { env })).code).toBe(0);
    const page = (await spawnPrecrm(['--store', store, 'report', 'html'], { env })).stdout;
    const prospects = JSON.parse((await spawnPrecrm(['--store', store, 'prospect', 'list', '--json'], { env })).stdout);
    for (const p of prospects) {
      if (p.email) expect(page).not.toContain(p.email);
      if (p.phone) expect(page).not.toContain(p.phone);
    }
    expect(page).not.toContain('Ravi Sen');
    expect(page).toContain('Anita Rao'); // a referrer who may be named
  });
});
