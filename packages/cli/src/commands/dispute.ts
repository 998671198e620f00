import { existsSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Charter,
  caseState,
  DisputeError,
  isBuiltinCharter,
  landNeighbours,
  locateDisputeError,
  neutralCandidates,
  parseCaseFile,
  procedureOf,
} from '@concert/engine';
import { UsageError } from '../errors.ts';
import { loadCharter, parseDate, parseIds, readSmallFile } from '../inputs.ts';
import type { Output } from '../output.ts';
import { table } from '../table.ts';
import { registryFromArgs } from './territory.ts';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

/** Built-in example files (packages/cli/examples), by name without extension. */
export function exampleNames(): string[] {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

/** A path, or the name of a built-in example. */
export function resolveExample(arg: string): string {
  if (existsSync(arg)) return arg;
  const example = join(EXAMPLES, `${arg}.yaml`);
  if (/^[a-z0-9-]+$/.test(arg) && existsSync(example)) return example;
  throw new UsageError(
    `no file or built-in example named "${arg}"`,
    `built-in examples: ${exampleNames().join(', ')}`,
  );
}

/** A charter named inside a file: a built-in id, or a path relative to that file. */
export function charterNamedIn(file: string, name: string): Charter {
  if (isBuiltinCharter(name) || isAbsolute(name)) return loadCharter(name);
  const near = resolve(dirname(file), name);
  return loadCharter(existsSync(near) ? near : name);
}

export function showProcedure(charterArg: string, out: Output): void {
  const charter = loadCharter(charterArg);
  const procedure = guard(() => procedureOf(charter));
  out.data({ charter: charter.id, ...procedure });
  out.print(`${charter.name}: dispute procedure (${procedure.cite})\n\n${procedure.summary}\n`);
  out.print(`Subjects: ${procedure.subjects.join(', ')}. First step: ${procedure.first}.\n`);
  out.print(
    table(
      ['step', 'kind', 'opened by', 'period', 'binding', 'next', 'cite'],
      procedure.steps.map((s) => [
        s.id,
        s.kind,
        s.started_by.map((x) => (x === 'body' ? (s.body ?? 'body') : x)).join(', '),
        [
          s.period_days ? `${s.period_days} d` : '',
          s.accept_days ? `accept ${s.accept_days} d` : '',
          s.start_within_days ? `start ≤ ${s.start_within_days} d` : '',
        ]
          .filter(Boolean)
          .join('; ') || '—',
        s.binding ? 'yes' : 'no',
        s.next ?? '—',
        s.cite,
      ]),
    ),
  );
  for (const s of procedure.steps) {
    const t = s.tribunal;
    if (!t) continue;
    out.print(
      `\nTribunal (${s.id}): ${t.size} arbitrators; each party appoints ${t.party_appointed} within ${t.appoint_within_days} days; presiding chosen by the ${t.presiding.chosen_by} within ${t.presiding.within_days} days${t.neutral_presiding ? ' (must be neutral)' : ''}${t.fallback ? `; fallback: ${t.fallback.authority} within ${t.fallback.after_days} days (${t.fallback.method})` : ''}${t.award_within_days ? `; award within ${t.award_within_days} days` : ''}. ${t.cite}`,
    );
  }
  if (procedure.compliance)
    out.print(
      `\nCompliance: ${procedure.compliance.within_days} days after the award; non-compliance goes to ${procedure.compliance.escalate_to.body}${procedure.compliance.escalate_to.category ? ` (${procedure.compliance.escalate_to.category})` : ''}. ${procedure.compliance.cite}`,
    );
  for (const c of procedure.choices)
    out.print(`\nConcert choice ${c.id}: ${c.question} ${c.choice} — ${c.reason}`);
}

export function runCase(fileArg: string, opts: { asOf?: string; change?: string[] }, out: Output): void {
  const path = resolveExample(fileArg);
  const text = readSmallFile(path);
  const file = parseCaseFile(text, fileArg);
  const charter = charterNamedIn(path, file.charter);
  const asOf = opts.asOf === undefined ? undefined : parseDate(opts.asOf, '');
  const { registry, applied } = registryFromArgs(charter, opts.change);
  let state: ReturnType<typeof caseState>;
  try {
    state = caseState(charter, file.events, asOf, { neighboursOf: landNeighbours(registry) });
  } catch (e) {
    if (e instanceof DisputeError) {
      if (e.index !== undefined) throw locateDisputeError(e, fileArg, text);
      throw new UsageError(e.message, e.hint);
    }
    throw e;
  }
  out.data({ file: fileArg, title: file.title, changes: applied, ...state });
  out.print(
    `${file.title ?? fileArg} — ${charter.name}, as of ${state.asOf}${applied.length ? ` (border changes applied: ${applied.join(', ')})` : ''}`,
  );
  if (state.status === 'not-filed') {
    out.print(`Not yet filed on ${state.asOf}.`);
    return;
  }
  out.print(
    `Parties: ${state.parties.join(', ')} · subject: ${state.subject} · filed ${state.filed} · status: ${state.status}${state.step ? ` (${state.step.title})` : ''}${state.outcome ? ` · outcome: ${state.outcome.kind}, ${state.outcome.effect}` : ''}\n`,
  );
  out.print(
    table(
      ['date', 'what', 'cite'],
      state.timeline.map((t) => [t.date, t.text, t.cite]),
    ),
  );
  if (state.deadlines.length > 0) {
    out.print('\nDeadlines');
    out.print(
      table(
        ['due', 'what', 'state'],
        state.deadlines.map((d) => [d.due, d.what, d.passed ? 'passed' : 'running']),
      ),
    );
  }
  if (state.allowed.length > 0) {
    out.print('\nAllowed next');
    out.print(
      table(
        ['action', 'by', 'when', 'detail'],
        state.allowed.map((a) => [
          a.type,
          a.by,
          [a.from ? `from ${a.from}` : '', a.until ? `until ${a.until}` : ''].filter(Boolean).join(' ') ||
            'now',
          a.detail,
        ]),
      ),
    );
  }
}

export function listMediators(
  charterArg: string,
  opts: { parties?: string; date?: string; seed?: string; change?: string[] },
  out: Output,
): void {
  const charter = loadCharter(charterArg);
  const { registry, applied } = registryFromArgs(charter, opts.change);
  const parties = parseIds(opts.parties, '--parties');
  if (parties.length < 2)
    throw new UsageError('--parties needs at least two states', 'e.g. --parties SVN,HRV');
  const date = parseDate(opts.date, charter.reference_date);
  const seed = opts.seed === undefined ? 1 : Number(opts.seed);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new UsageError(`--seed must be a non-negative integer, not "${opts.seed}"`);
  const result = neutralCandidates(charter, parties, date, { seed, neighboursOf: landNeighbours(registry) });
  out.data({ ...result, changes: applied });
  const t = result.test;
  out.print(
    `Neutral third states for ${parties.join(' v. ')} under ${charter.id} on ${date}${applied.length ? ` (border changes applied: ${applied.join(', ')})` : ''}\nTest: not a party; no shared membership of ${t.alliances.join(', ') || '—'}${t.same_attribute.length ? `; not in the same ${t.same_attribute.join(', ')}` : ''}${t.not_neighbour ? '; no land border with a party' : ''} (${t.cite})\n`,
  );
  out.print(`Eligible (${result.eligible.length}), in the order of the lot with seed ${seed}:`);
  out.print(
    table(
      ['rank', 'id', 'name'],
      result.eligible.map((e) => [e.rank, e.id, e.name]),
    ),
  );
  out.print(`\nDrawn: ${result.lot.drawn ?? 'nobody (no state is neutral)'}\n`);
  out.print(`Excluded (${result.excluded.length}):`);
  out.print(
    table(
      ['id', 'name', 'why'],
      result.excluded.map((x) => [x.id, x.name, x.reasons.join('; ')]),
    ),
  );
}

function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof DisputeError) throw new UsageError(e.message, e.hint);
    throw e;
  }
}
