// Tables drawn in slices must look exactly like one cli-table3 table (the slicing is only for speed).
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { drawTable, type TableCell } from '../../src/output/table.js';

function oneTable(head: string[], rows: TableCell[][], widths?: number[]): string {
  const table = new Table({ head, ...(widths ? { colWidths: widths.map((w) => w + 2) } : {}), style: { head: [], border: [], compact: false }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } });
  table.push(...rows);
  return `${table.toString()}\n`;
}

describe('drawTable', () => {
  it.each([0, 1, 249, 250, 251, 600, 1001])('%i rows: identical to a single cli-table3 table', async (n) => {
    const names = ['Ravi', 'Zoë 🍰', '李小龙', 'Anna-Maria Lopez de la Vega', '\u001b[1mbold\u001b[22m'];
    const rows: TableCell[][] = Array.from({ length: n }, (_, i) => [
      { content: String(i + 1), hAlign: 'right' },
      { content: names[i % names.length]!, hAlign: 'left' },
      { content: i % 7 === 0 ? '' : `p${i}@example.com`, hAlign: 'left' },
    ]);
    const head = ['\u001b[1mid\u001b[22m', 'name', 'email'];
    expect(await drawTable(head, rows)).toBe(oneTable(head, rows));
  });

  // Cells that fit are drawn by precrm itself, the others by cli-table3: both must give cli-table3's bytes.
  const cases: [string, string[], TableCell[][], number[] | undefined][] = [
    ['cells cut to fixed widths', ['id', 'name'], [[{ content: '1', hAlign: 'right' }, { content: 'Anna-Maria Lopez de la Vega', hAlign: 'left' }]], [3, 10]],
    ['a wide character at the edge of a fixed width', ['name'], [[{ content: '李小龙李小龙', hAlign: 'left' }]], [7]],
    ['a cell with a line break', ['note'], [[{ content: 'first line\nsecond', hAlign: 'left' }]], undefined],
    ['every cell fits fixed widths wider than needed', ['id', 'stage'], [[{ content: '12', hAlign: 'right' }, { content: '\u001b[32mengaged\u001b[39m', hAlign: 'left' }]], [6, 12]],
    ['a heading wider than its cells', ['follow-up note'], [[{ content: '', hAlign: 'left' }], [{ content: 'ok', hAlign: 'right' }]], undefined],
    ['an emoji heading', ['🍰 cakes', 'n'], [[{ content: 'Zoë', hAlign: 'left' }, { content: '3', hAlign: 'right' }]], undefined],
  ];
  it.each(cases)('%s: identical to cli-table3', async (_, head, rows, widths) => {
    expect(await drawTable(head, rows, widths)).toBe(oneTable(head, rows, widths));
  });
});

