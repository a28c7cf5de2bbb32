// Static SVG charts for the HTML report, drawn by Observable Plot on a server-side DOM (linkedom) when the report
// is written: the page needs no script. Both libraries load only here, so only `report html` pays for them.

export interface BarChart {
  /** Accessible name of the chart; also its aria-label. */
  title: string;
  /** One bar per item, in this order. */
  items: { label: string; value: number; /** a second, darker bar drawn over the first (e.g. customers of prospects) */ inner?: number; note?: string }[];
  /** Horizontal bars (labels on the left), or vertical (labels below). */
  direction: 'horizontal' | 'vertical';
  valueLabel: string;
}

let plotting: Promise<[typeof import('@observablehq/plot'), Document]> | undefined;
function load() {
  plotting ??= (async () => {
    const [Plot, { parseHTML }] = await Promise.all([import('@observablehq/plot'), import('linkedom')]);
    return [Plot, parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document] as [typeof import('@observablehq/plot'), Document];
  })();
  return plotting;
}

/**
 * A wide drawing (640 units: a screen, A4) and a narrow one (360 units: a phone, where the page shows it instead),
 * each scaled to its container (width 100%): on a 390-px phone the narrow one's 12-unit text is ~12.5 px, where
 * the wide one's would shrink to 7 px.
 */
export async function barChartSvg(chart: BarChart): Promise<string> {
  return `${await drawing(chart, 'wide')}${await drawing(chart, 'narrow')}`;
}

/** Room for the bars' labels (left) and their notes (right), in SVG units: the narrow drawing notes the value only. */
const SIZES = {
  wide: { width: 640, labels: 200, charWidth: 7, notes: 230 },
  narrow: { width: 360, labels: 120, charWidth: 6.5, notes: 48 },
} as const;

async function drawing(chart: BarChart, size: keyof typeof SIZES): Promise<string> {
  const [Plot, document] = await load();
  const { width, labels: labelRoom, charWidth, notes } = SIZES[size];
  const labels = chart.items.map((i) => i.label);
  const horizontal = chart.direction === 'horizontal';
  const longest = Math.max(0, ...labels.map((l) => l.length));
  const bar = horizontal ? Plot.barX : Plot.barY;
  const main = { [horizontal ? 'y' : 'x']: 'label', [horizontal ? 'x' : 'y']: 'value' };
  const inner = { [horizontal ? 'y' : 'x']: 'label', [horizontal ? 'x' : 'y']: 'inner' };
  const marks = [
    bar(chart.items, { ...main, fill: '#9ecae1', ariaLabel: 'bar' }),
    ...(chart.items.some((i) => i.inner !== undefined) ? [bar(chart.items, { ...inner, fill: '#3182bd', ariaLabel: 'inner bar' })] : []),
    ...(horizontal ? [Plot.text(chart.items, { y: 'label', x: 'value', text: (d: { value: number; note?: string }) => (size === 'wide' ? d.note ?? String(d.value) : String(d.value)), dx: 4, textAnchor: 'start', ariaLabel: 'value' })] : []),
    Plot.ruleX([0]),
  ];
  const svg = Plot.plot({
    document,
    width,
    height: horizontal ? 30 + 28 * chart.items.length : 260,
    marginLeft: horizontal ? Math.min(labelRoom, 10 + longest * charWidth) : 40,
    marginRight: horizontal ? notes : 10,
    marginBottom: horizontal ? 30 : 60,
    ariaLabel: chart.title,
    style: { fontSize: '12px', overflow: 'visible' },
    [horizontal ? 'y' : 'x']: { domain: labels, label: null, ...(horizontal ? {} : { tickRotate: -30 }) },
    [horizontal ? 'x' : 'y']: { label: chart.valueLabel, grid: true },
    marks: horizontal ? marks : marks.filter((m) => m !== marks[marks.length - 1]).concat([Plot.ruleY([0])]),
  }) as unknown as { outerHTML: string; setAttribute(k: string, v: string): void };
  svg.setAttribute('role', 'img');
  svg.setAttribute('class', size);
  return svg.outerHTML;
}
