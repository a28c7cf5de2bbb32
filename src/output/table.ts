// Terminal tables through cli-table3, rendered in slices: its layout costs grow faster than the row count
// (20,000 prospects took over a minute as one table), so the column widths are measured once, each slice is
// drawn with those fixed widths, and the slices are stitched together without their inner borders.
export interface TableCell { content: string; hAlign: 'left' | 'right' }

const SLICE = 250;
type Strlen = (s: string) => number;

export async function drawTable(head: string[], rows: TableCell[][]): Promise<string> {
  const { default: Table } = await import('cli-table3');
  // cli-table3's own width function (ANSI-aware, wide characters count double), so our widths match its layout.
  // @ts-expect-error: an internal module without type declarations
  const utils = (await import('cli-table3/src/utils.js')) as { strlen?: Strlen; default?: { strlen: Strlen } };
  const strlen = (utils.strlen ?? utils.default!.strlen) as Strlen;
  const widths = head.map((h) => strlen(h));
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i]!, strlen(cell.content)); });
  const options = {
    colWidths: widths.map((w) => w + 2),
    style: { head: [], border: [], compact: false },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  };
  if (rows.length <= SLICE) {
    const table = new Table({ ...options, head });
    table.push(...rows);
    return `${table.toString()}\n`;
  }
  const parts: string[] = [];
  for (let start = 0; start < rows.length; start += SLICE) {
    const table = new Table(start === 0 ? { ...options, head } : options);
    table.push(...rows.slice(start, start + SLICE));
    const lines = table.toString().split('\n');
    if (start > 0) lines.shift(); // the top border continues the previous slice
    if (start + SLICE < rows.length) lines.pop(); // the bottom border comes with the last slice
    parts.push(lines.join('\n'));
  }
  return `${parts.join('\n')}\n`;
}
