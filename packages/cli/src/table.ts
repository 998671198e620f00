/** Plain-text tables for terminal output; columns sized to their content, numbers right-aligned. */
export function table(
  headers: string[],
  rows: (string | number)[][],
  options: { indent?: number; maxWidth?: number } = {},
): string {
  const cells = rows.map((r) => r.map((c) => String(c)));
  const widths = fitWidths(
    headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? '')))),
    options.maxWidth ?? Math.max(80, process.stdout.columns ?? 120),
  );
  const numeric = headers.map(
    (_, i) => cells.length > 0 && cells.every((r) => /^[-+]?[\d,.]+%?$/.test(r[i] ?? '')),
  );
  const pad = ' '.repeat(options.indent ?? 0);
  const line = (r: string[]) =>
    pad +
    r
      .map((c, i) =>
        numeric[i] ? ' '.repeat(widths[i]! - width(c)) + c : c + ' '.repeat(widths[i]! - width(c)),
      )
      .join('  ')
      .trimEnd();
  const wrapped = (r: string[]) => {
    const lines = r.map((c, i) => wrap(c, widths[i]!));
    const height = Math.max(...lines.map((l) => l.length));
    return Array.from({ length: height }, (_, k) => line(lines.map((l) => l[k] ?? ''))).join('\n');
  };
  return [line(headers), pad + widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(wrapped)].join('\n');
}

/** Shrinks the widest columns until the table fits the terminal (never below 12 characters). */
function fitWidths(natural: number[], total: number): number[] {
  const widths = natural.slice();
  const sum = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  while (sum() > total) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= 12) break;
    widths[widest]!--;
  }
  return widths;
}

function wrap(text: string, w: number): string[] {
  if (width(text) <= w) return [text];
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && width(current) + 1 + width(word) > w) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
    while (width(current) > w) {
      lines.push([...current].slice(0, w).join(''));
      current = [...current].slice(w).join('');
    }
  }
  if (current) lines.push(current);
  return lines;
}

function width(s: string): number {
  return [...s].length;
}

export function heading(text: string): string {
  return `\n${text}\n${'═'.repeat([...text].length)}`;
}
