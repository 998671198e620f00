import {
  builtinCharterIds,
  coverageOn,
  institutionOn,
  isBuiltinCharter,
  membersOf,
  populationOf,
  stateById,
  world,
} from '@concert/engine';
import { UsageError } from '../errors.ts';
import { loadCharter, parseDate, parseIds, today } from '../inputs.ts';
import type { Output } from '../output.ts';
import { table } from '../table.ts';

const ORGS = () => ['OSCE', ...world.organisations.map((o) => o.id)];

/** Members of an organisation (NATO, EU, …) or of a charter, as of a date. */
export function listMembers(target: string, opts: { date?: string }, out: Output): void {
  const date = parseDate(opts.date, today());
  const org = ORGS().find((o) => o.toLowerCase() === target.toLowerCase());
  let ids: string[];
  let label: string;
  if (org) {
    ids = membersOf(org, date);
    label = org;
  } else if (isBuiltinCharter(target) || /\.(ya?ml|json)$/i.test(target)) {
    const inst = institutionOn(loadCharter(target), date);
    ids = inst.members.map((m) => m.id);
    label = target;
  } else {
    throw new UsageError(
      `unknown organisation or charter "${target}"`,
      `organisations: ${ORGS().join(', ')}; charters: ${builtinCharterIds().join(', ')}`,
    );
  }
  out.data({ organisation: label, date, count: ids.length, members: ids });
  out.print(`${label} on ${date}: ${ids.length} members\n`);
  out.print(
    table(
      ['id', 'name', 'population'],
      ids.map((id) => {
        const s = world.states.find((x) => x.id === id);
        const p = s ? populationOf(id) : undefined;
        return [id, s ? stateById(id).name : id, p !== undefined ? p.toLocaleString('en-GB') : '—'];
      }),
    ),
  );
}

export function showCoverage(
  opts: { date?: string; includeBilateral?: boolean; state?: string },
  out: Output,
): void {
  const date = parseDate(opts.date, today());
  if (opts.state) {
    showStateCoverage(opts.state, date, Boolean(opts.includeBilateral), out);
    return;
  }
  const result = coverageOn(date, { includeBilateral: Boolean(opts.includeBilateral) });
  out.data(result);
  out.print(
    `Legally binding collective-defence guarantees on ${date}${opts.includeBilateral ? ' (multilateral and bilateral)' : ' (multilateral treaties; --include-bilateral adds bilateral ones)'}\n`,
  );
  const rows = result.states
    .filter((s) => s.guarantees.length > 0)
    .map((s) => [
      s.id,
      stateById(s.id).name,
      s.guarantees.map((g) => `${g.title}${g.kind === 'bilateral' ? ' [bilateral]' : ''}`).join('; '),
    ]);
  out.print(table(['id', 'name', 'guarantees'], rows));
  out.print(`\nUncovered (${result.uncovered.length}): ${result.uncovered.join(' ') || 'none'}`);
}

function showStateCoverage(stateArg: string, date: string, includeBilateral: boolean, out: Output): void {
  const [id] = parseIds(stateArg, '--state');
  const coverage = coverageOn(date, { includeBilateral });
  const entry = coverage.states.find((s) => s.id === id);
  if (!entry)
    throw new UsageError(`${id} was not an OSCE participating State on ${date}`, 'choose a later date');
  out.data({
    date,
    includeBilateral,
    state: id,
    guarantees: entry.guarantees,
    explanation: coverage.explanations[id!],
  });
  out.print(`${stateById(id!).name} (${id}) on ${date}: ${coverage.explanations[id!]}`);
  for (const g of entry.guarantees) {
    out.print(
      `  • ${g.title} — ${g.nature}, ${g.kind}, via ${g.via} since ${g.since}${g.caveats.length ? ` (${g.caveats.join('; ')})` : ''}`,
    );
  }
}
