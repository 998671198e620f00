import { evaluateAccession } from '@concert/engine';
import { UsageError } from '../errors.ts';
import { loadCharter, parseDate, parseIds } from '../inputs.ts';
import type { Output } from '../output.ts';

export function accession(
  target: string,
  opts: { applicant?: string; objections?: string; alongside?: string; date?: string },
  out: Output,
): void {
  if (!opts.applicant)
    throw new UsageError(
      '--applicant is required',
      'e.g. concert accession nato --applicant UKR --objections HUN',
    );
  const charter = loadCharter(target);
  const [applicant] = parseIds(opts.applicant, '--applicant');
  const alongside = (opts.alongside ?? '')
    .split(',')
    .filter(Boolean)
    .map((id) => loadCharter(id.trim()));
  const result = evaluateAccession({
    charter,
    applicant: applicant!,
    date: parseDate(opts.date, charter.reference_date),
    objections: parseIds(opts.objections, '--objections'),
    alongside,
  });
  out.data(result);
  out.print(`${result.summary}\n`);
  for (const r of result.objectionRights) {
    out.print(
      `Under ${r.charter}: ${r.who === 'none' ? 'nobody' : `${r.ids.length} ${r.who}`} may object — ${r.basis}  [${r.cite}]`,
    );
  }
  for (const c of result.counted)
    if (c.ids.length) out.print(`Objections that count under ${c.charter}: ${c.ids.join(', ')}`);
  if (result.ignored.length) out.print(`Objections without standing (ignored): ${result.ignored.join(', ')}`);
  if (result.decision) {
    out.print(
      `\nVote in ${result.decision.body}/${result.decision.category}: ${result.decision.adopted ? 'adopted' : 'not adopted'}`,
    );
    for (const c of result.decision.clauses) out.print(`${'  '.repeat(c.depth + 1)}${c.text}`);
  }
  if (result.ratification.required) {
    out.print(
      `Ratification by all ${result.ratification.by.length} members required${result.ratification.blockedBy.length ? `; withheld by ${result.ratification.blockedBy.join(', ')}` : ''}.`,
    );
  }
}
