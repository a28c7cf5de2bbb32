// Tables drawn in slices must look exactly like one cli-table3 table (the slicing is only for speed).
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { drawTable, type TableCell } from '../../src/output/table.js';

function oneTable(head: string[], rows: TableCell[][]): string {
  const table = new Table({ head, style: { head: [], border: [], compact: false }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } });
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
});
