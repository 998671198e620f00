import { writeFileSync } from 'node:fs';
import {
  type AssessedChange,
  areaCoverageOn,
  assessBorderChange,
  type BorderRegistry,
  bordersOn,
  type Charter,
  checkMission,
  contestedAreas,
  isStateId,
  landNeighbours,
  neighboursOn,
  parseBorderChange,
  parseBorderChanges,
  parseDmzFile,
  registryWith,
  scenarioFromDmz,
  scenarioYaml,
  stateById,
  transferredAreas,
  UnknownIdError,
  violationIncidents,
} from '@concert/engine';
import { Refused, UsageError } from '../errors.ts';
import { loadCharter, parseDate, readSmallFile } from '../inputs.ts';
import { loadScenario } from '../jobs/simulate-job.ts';
import type { Output } from '../output.ts';
import { table } from '../table.ts';
import { charterNamedIn, resolveExample } from './dispute.ts';

/**
 * The border changes named on the command line (`--change`), each re-assessed under `charter`: a request file,
 * a list of them, or the server's accepted changes saved from `GET /api/territory/border-changes`. A change the
 * charter does not accept is a usage error, since applying it would answer a question nobody asked.
 */
export function loadChanges(charter: Charter, args: readonly string[] = []): AssessedChange[] {
  const out: AssessedChange[] = [];
  for (const arg of args) {
    const path = resolveExample(arg);
    for (const request of parseBorderChanges(readSmallFile(path), arg)) {
      if (out.some((c) => c.request.id === request.id))
        throw new UsageError(`border change ${request.id} (${arg}) is given twice`, 'each change once');
      // Each change's observers are judged with the changes before it applied, as the server does.
      const neighboursOf = landNeighbours(registryWith(charter, out));
      const assessment = assessBorderChange(charter, request, { neighboursOf });
      if (!assessment.accepted)
        throw new UsageError(
          `border change ${request.id} (${arg}) is not valid under ${charter.id}: ${assessment.reasons.join('; ')}`,
          'concert territory change <file> explains every check',
        );
      out.push({ request, assessment });
    }
  }
  return out;
}

/** The registry of `charter` with the `--change` files applied, and the ids applied. */
export function registryFromArgs(
  charter: Charter,
  args: readonly string[] = [],
): { registry: BorderRegistry; applied: string[] } {
  const changes = loadChanges(charter, args);
  return { registry: registryWith(charter, changes), applied: changes.map((c) => c.request.id) };
}

export function showBorders(
  opts: { charter?: string; date?: string; state?: string; change?: string[] },
  out: Output,
): void {
  const charter = loadCharter(opts.charter ?? 'continental');
  const { registry, applied } = registryFromArgs(charter, opts.change);
  const date = parseDate(opts.date, charter.reference_date);
  const state = opts.state?.toUpperCase();
  if (state && !isStateId(state))
    throw new UsageError(`--state: unknown state "${opts.state}"`, 'ISO 3166 alpha-3, e.g. DEU');
  const borders = bordersOn(registry, date, state);
  out.data({
    charter: charter.id,
    recognisedFrom: registry.recognisedFrom,
    date,
    changes: applied,
    count: borders.length,
    borders,
    ...(state ? { neighbours: neighboursOn(registry, state, date) } : {}),
    transfers: registry.transfers,
  });
  out.print(
    `Land borders recognised by ${charter.id} on ${date}${state ? ` for ${state}` : ''}: ${borders.length} (recognised from ${registry.recognisedFrom}${applied.length ? `; changes applied: ${applied.join(', ')}` : ''})${date < registry.recognisedFrom ? '\nnote: the date is before recognition; the registry shows the borders as recognised then' : ''}\n`,
  );
  out.print(
    table(
      ['a', 'b', 'from', 'to', 'basis'],
      borders.map((b) => [b.a, b.b, b.from, b.to ?? '', b.basis]),
    ),
  );
  for (const t of registry.transfers)
    out.print(`\n${t.area}: ${t.from} → ${t.to} from ${t.effective} (${t.request})`);
}

/** `concert territory coverage`: who holds each transferred area on a date, and which guarantees cover it. */
export function showAreaCoverage(
  opts: { charter?: string; date?: string; area?: string; change?: string[]; includeBilateral?: boolean },
  out: Output,
): void {
  const charter = loadCharter(opts.charter ?? 'continental');
  const { registry, applied } = registryFromArgs(charter, opts.change);
  if (applied.length === 0)
    throw new UsageError(
      'no border change given: areas are the ones accepted changes transfer',
      'add --change <file> (a request, a list, or the server’s GET /api/territory/border-changes saved to a file)',
    );
  const date = parseDate(opts.date, charter.reference_date);
  const names = opts.area === undefined ? transferredAreas(registry) : [opts.area];
  let areas: ReturnType<typeof areaCoverageOn>[];
  try {
    areas = names.map((a) =>
      areaCoverageOn(charter, registry, a, date, { includeBilateral: Boolean(opts.includeBilateral) }),
    );
  } catch (e) {
    if (e instanceof UnknownIdError)
      throw new UsageError(
        `--area: no change given transfers "${opts.area}"`,
        e.suggestions.length
          ? `did you mean ${e.suggestions.map((x) => `"${x}"`).join(' or ')}?`
          : `areas: ${transferredAreas(registry).join(', ')}`,
      );
    throw e;
  }
  out.data({ charter: charter.id, date, changes: applied, count: areas.length, areas });
  out.print(`Transferred areas under ${charter.id} on ${date} (changes applied: ${applied.join(', ')})\n`);
  out.print(
    table(
      ['area', 'holder', 'member', "charter's guarantees", 'defence clauses'],
      areas.map((a) => [
        a.area,
        a.holder,
        a.member ? 'yes' : 'no',
        a.charterGuarantees.map((g) => g.id).join(', ') || '—',
        a.defenceClauses.map((g) => `${g.clause} (via ${g.via})`).join(', ') || '—',
      ]),
    ),
  );
  for (const a of areas) out.print(`\n${a.explanation}`);
}

export function showContested(out: Output): void {
  const areas = contestedAreas();
  out.data({ count: areas.length, areas });
  out.print(
    'Contested areas (positions as each side states them; Concert takes no side; "recalled" = re-check the source)\n',
  );
  for (const a of areas) {
    out.print(
      `${a.name} [${a.id}] — within the internationally recognised borders of ${label(a.recognisedAs)}; administered by ${label(a.administeredBy)} since ${a.since}${a.status === 'changed' ? ' (situation changed)' : ''}; confidence: ${a.confidence}`,
    );
    for (const p of a.positions) out.print(`  ${label(p.holder)}: ${p.position} (${p.source})`);
    for (const i of a.international) out.print(`  · ${i}`);
    if (a.note) out.print(`  note: ${a.note}`);
    out.print('');
  }
}

export function checkChange(fileArg: string, opts: { change?: string[] }, out: Output): void {
  const path = resolveExample(fileArg);
  const request = parseBorderChange(readSmallFile(path), fileArg);
  const charter = charterNamedIn(path, request.charter);
  const { registry } = registryFromArgs(charter, opts.change);
  const assessment = assessBorderChange(charter, request, { neighboursOf: landNeighbours(registry) });
  out.data({ ...assessment, charter: charter.id, effective: request.effective });
  out.print(
    `Border change ${request.id}${request.title ? ` — ${request.title}` : ''}: ${request.area.name}, ${request.area.from} → ${request.area.to}, effective ${request.effective}, under ${charter.id}\n`,
  );
  out.print(
    table(
      ['', 'check', 'detail', 'cite'],
      assessment.checks.map((c) => [c.ok ? 'ok' : 'FAIL', c.check, c.detail, c.cite]),
    ),
  );
  out.print(
    assessment.accepted
      ? `\nAccepted: enters the registry on ${request.effective} (concert territory borders --change ${fileArg} --date ${request.effective}).`
      : `\nRejected: ${assessment.reasons.join('; ')}`,
  );
  // A rejected request is an answer, already printed; the exit code still tells scripts it failed.
  if (!assessment.accepted)
    throw new Refused(`border change ${request.id} rejected: ${assessment.reasons.join('; ')}`);
}

export function checkZones(fileArg: string, opts: { change?: string[] }, out: Output): void {
  const path = resolveExample(fileArg);
  const file = parseDmzFile(readSmallFile(path), fileArg);
  const charter = charterNamedIn(path, file.charter);
  const { registry } = registryFromArgs(charter, opts.change);
  const unknown = file.violations.find((v) => !file.zones.some((z) => z.id === v.zone));
  if (unknown)
    throw new UsageError(
      `violation of ${unknown.date} names no zone "${unknown.zone}"`,
      `zones: ${file.zones.map((z) => z.id).join(', ')}`,
    );
  const missions = file.zones.map((z) =>
    checkMission(charter, z, { neighboursOf: landNeighbours(registry) }),
  );
  const incidents = violationIncidents(file, { registry });
  out.data({ charter: charter.id, missions, incidents });
  for (const [i, z] of file.zones.entries()) {
    const m = missions[i]!;
    out.print(
      `${z.name} [${z.id}] — ${z.area}; states ${z.states.join(', ')}; limits ${
        Object.entries(z.limits)
          .map(([k, n]) => `${k} ≤ ${n}`)
          .join(', ') || 'none'
      }`,
    );
    out.print(
      `  mission ${z.mission.name}: ${z.mission.states.join(', ')} — ${m.ok ? 'valid' : 'NOT valid'} (${m.size.states} states, at least ${m.size.atLeast}${m.partial.length ? `; not neutral: ${m.partial.map((p) => `${p.state} ${p.reasons.join(', ')}`).join(' | ')}` : ''})`,
    );
  }
  out.print(
    `\nIncidents for a crisis scenario (day 0 = ${file.scenario_start ?? 'the first violation'}; the incident format of docs/crisis.md)`,
  );
  out.print(
    table(
      ['day', 'type', 'severity', 'by', 'place', 'what'],
      incidents.map((x) => [x.day, x.type, x.severity, x.by, x.place, x.text]),
    ),
  );
}

/**
 * `concert territory incidents`: a whole crisis scenario from a DMZ file's violations, written as YAML (to `-o`
 * or standard output) that `concert simulate` reads as is.
 */
export function writeIncidentScenario(
  fileArg: string,
  opts: { scenario?: string; keepIncidents?: boolean; id?: string; output?: string; change?: string[] },
  out: Output,
): void {
  const path = resolveExample(fileArg);
  const file = parseDmzFile(readSmallFile(path), fileArg);
  const { registry } = registryFromArgs(charterNamedIn(path, file.charter), opts.change);
  const base = opts.scenario === undefined ? undefined : loadScenario(opts.scenario);
  if (opts.keepIncidents && !base)
    throw new UsageError('--keep-incidents needs --scenario <base>', 'e.g. --scenario aegean-clash');
  if (opts.id !== undefined && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(opts.id))
    throw new UsageError(`--id: "${opts.id}" is not a scenario id`, 'lower-case letters, digits and hyphens');
  const scenario = scenarioFromDmz(file, {
    source: fileArg,
    registry,
    ...(base ? { base } : {}),
    ...(opts.keepIncidents ? { keepIncidents: true } : {}),
    ...(opts.id ? { id: opts.id } : {}),
  });
  const text = scenarioYaml(
    scenario,
    `Crisis scenario written by concert territory incidents from ${fileArg}${base ? ` on the base scenario ${base.id}` : ''}.\nRun it: concert simulate <this file> --charter continental`,
  );
  if (opts.output) {
    try {
      writeFileSync(opts.output, text);
    } catch (e) {
      throw new UsageError(
        `-o: cannot write ${opts.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        'give a file in a folder that exists and that you may write to',
      );
    }
  }
  out.data({ ...(opts.output ? { written: opts.output } : {}), scenario });
  if (opts.output)
    out.print(
      `Wrote ${opts.output}: scenario ${scenario.id}, day 0 = ${scenario.date}, ${scenario.incidents.length} incidents, parties ${scenario.parties.map((p) => `${p.id} (${p.role})`).join(', ')}.\nconcert simulate ${opts.output} --charter continental`,
    );
  else out.print(text.replace(/\n$/, ''));
}

function label(id: string): string {
  return isStateId(id) ? `${stateById(id).name} (${id})` : id;
}
