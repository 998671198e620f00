import { diffCharters } from '@concert/engine';
import { loadCharter } from '../inputs.ts';
import type { Output } from '../output.ts';

export function diff(a: string, b: string, opts: { all?: boolean }, out: Output): void {
  const result = diffCharters(loadCharter(a), loadCharter(b));
  out.data(result);
  out.print(
    `${result.a} vs ${result.b}: ${result.differences} of ${result.points.length} points differ${opts.all ? '' : ' (--all shows the points that agree too)'}\n`,
  );
  for (const p of result.points) {
    if (p.same && !opts.all) continue;
    out.print(`${p.same ? '=' : '≠'} ${p.topic} — ${p.aspect}`);
    out.print(indent(`${result.a}: ${p.a}${p.citeA ? `  [${p.citeA}]` : ''}`));
    out.print(indent(`${result.b}: ${p.b}${p.citeB ? `  [${p.citeB}]` : ''}`));
    out.print('');
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? `    ${l}` : `        ${l}`))
    .join('\n');
}
