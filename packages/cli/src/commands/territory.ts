import {
  applyBorderChange,
  assessBorderChange,
  borderRegistry,
  bordersOn,
  checkMission,
  contestedAreas,
  isStateId,
  parseBorderChange,
  parseDmzFile,
  stateById,
  violationIncidents,
} from '@concert/engine';
import { Refused, UsageError } from '../errors.ts';
import { loadCharter, parseDate, readSmallFile } from '../inputs.ts';
import type { Output } from '../output.ts';
import { table } from '../table.ts';
import { charterNamedIn, resolveExample } from './dispute.ts';

export function showBorders(
  opts: { charter?: string; date?: string; state?: string; change?: string[] },
  out: Output,
): void {
  const charter = loadCharter(opts.charter ?? 'continental');
  let registry = borderRegistry(charter);
  const applied: string[] = [];
  for (const arg of opts.change ?? []) {
    const path = resolveExample(arg);
    const request = parseBorderChange(readSmallFile(path), arg);
    const assessment = assessBorderChange(charter, request);
    if (!assessment.accepted)
      throw new UsageError(
        `border change ${request.id} is not valid: ${assessment.reasons.join('; ')}`,
        `concert territory change ${arg} explains every check`,
      );
    registry = applyBorderChange(registry, request, assessment);
    applied.push(request.id);
  }
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

export function checkChange(fileArg: string, out: Output): void {
  const path = resolveExample(fileArg);
  const request = parseBorderChange(readSmallFile(path), fileArg);
  const charter = charterNamedIn(path, request.charter);
  const assessment = assessBorderChange(charter, request);
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

export function checkZones(fileArg: string, out: Output): void {
  const path = resolveExample(fileArg);
  const file = parseDmzFile(readSmallFile(path), fileArg);
  const charter = charterNamedIn(path, file.charter);
  const unknown = file.violations.find((v) => !file.zones.some((z) => z.id === v.zone));
  if (unknown)
    throw new UsageError(
      `violation of ${unknown.date} names no zone "${unknown.zone}"`,
      `zones: ${file.zones.map((z) => z.id).join(', ')}`,
    );
  const missions = file.zones.map((z) => checkMission(charter, z));
  const incidents = violationIncidents(file);
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

function label(id: string): string {
  return isStateId(id) ? `${stateById(id).name} (${id})` : id;
}
