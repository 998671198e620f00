// A whole crisis scenario from a DMZ file's violations (the issue: "incidents from the territorial registry can
// feed the crisis simulator's scenarios"). The incidents are `violationIncidents`; the rest — stances, dynamics,
// assumptions — comes from a base scenario when one is given, else from the simulator's defaults. The result is
// validated by the scenario schema, so what this returns the simulator accepts as is.
import { stringify } from 'yaml';
import { type Scenario, ScenarioError, validateScenario } from '../crisis/scenario.ts';
import { daysBetween } from '../disputes/calendar.ts';
import type { IsoDate } from '../world/index.ts';
import { type BorderRegistry, holderOn } from './borders.ts';
import { type DmzFile, violationIncidents } from './dmz.ts';

export interface DmzScenarioOptions {
  /** A scenario whose title, parties, stances, dynamics, assumptions and sources are kept. */
  base?: Scenario;
  /** Keep the base scenario's incidents too, moved to the new day 0 (default: only the DMZ's). */
  keepIncidents?: boolean;
  /** Scenario id (default: `<base>-dmz`, or `dmz-<zones>`). */
  id?: string;
  /** Where the DMZ file came from, for messages and the scenario's sources. */
  source?: string;
  /** The registry with the accepted border changes: a violation in a transferred `area` is placed at its holder. */
  registry?: BorderRegistry;
}

const SOURCE_ID = 'dmz-reports';

/** The scenario: day 0 is the file's `scenario_start`, else the base scenario's date, else the first violation. */
export function scenarioFromDmz(file: DmzFile, options: DmzScenarioOptions = {}): Scenario {
  const { base } = options;
  const source = options.source ?? 'DMZ file';
  const start: IsoDate =
    file.scenario_start ?? base?.date ?? [...file.violations.map((v) => v.date)].sort()[0]!;
  const fail = (message: string, path: (string | number)[], hint: string) =>
    new ScenarioError(message, source, path, hint);
  if (file.violations.length === 0)
    throw fail('the file reports no violations', ['violations'], 'a scenario needs at least one incident');
  for (const [i, v] of file.violations.entries()) {
    if (!file.zones.some((z) => z.id === v.zone))
      throw fail(`violation names no zone "${v.zone}"`, ['violations', i, 'zone'], `zones: ${zoneIds(file)}`);
    if (v.area !== undefined && !(options.registry && holderOn(options.registry, v.area, v.date)))
      throw fail(
        `violation of ${v.date} names the area "${v.area}", which no accepted border change given transfers`,
        ['violations', i, 'area'],
        'pass the border change that transfers it (concert territory incidents --change <file>)',
      );
    if (v.date < start)
      throw fail(
        `violation dated ${v.date} is before the scenario's day 0 (${start})`,
        ['violations', i, 'date'],
        'set scenario_start on or before the first violation',
      );
  }
  const fromDmz = violationIncidents(
    { ...file, scenario_start: start },
    options.registry ? { registry: options.registry } : {},
  ).map((x) => ({
    ...x,
    source: SOURCE_ID,
  }));
  if (fromDmz.length === 0)
    throw fail(
      'no violation exceeds its zone’s limits',
      ['violations'],
      'only forces over the limits become incidents',
    );
  const shift = base ? daysBetween(start, base.date) : 0;
  const kept = options.keepIncidents && base ? base.incidents.map((x) => ({ ...x, day: x.day + shift })) : [];
  if (kept.some((x) => x.day < 0))
    throw fail(
      `the base scenario's day 0 (${base!.date}) is before the DMZ's (${start}); its incidents would fall before day 0`,
      ['scenario_start'],
      'set scenario_start on or before the base scenario date, or leave out --keep-incidents',
    );
  // Stable by day: on the same day the base's incidents come first, then the reports in their order.
  const incidents = [...kept, ...fromDmz].sort((a, b) => a.day - b.day);
  const involved = [...new Set(fromDmz.flatMap((x) => [x.by, x.place]))].sort();
  const parties = [
    ...(base?.parties ?? []),
    ...involved
      .filter((id) => !base?.parties.some((p) => p.id === id))
      .map((id) => ({ id, role: 'involved' as const })),
  ];
  const lastDay = incidents.at(-1)!.day;
  const zones = file.zones.filter((z) => file.violations.some((v) => v.zone === z.id));
  const scenario = {
    id: options.id ?? (base ? `${base.id}-dmz` : `dmz-${zones.map((z) => z.id).join('-')}`).slice(0, 64),
    title: base
      ? `${base.title}, with the violations of ${zones.map((z) => z.name).join(', ')}`
      : `Violations of ${zones.map((z) => z.name).join(', ')}`,
    kind: 'hypothetical' as const,
    date: start,
    summary: `${fromDmz.length} reported violation${fromDmz.length === 1 ? '' : 's'} of ${zones.map((z) => z.name).join(', ')} (states ${[...new Set(zones.flatMap((z) => z.states))].join(', ')}), from ${source}, as crisis incidents${base ? `; stances and dynamics from the scenario ${base.id}` : ''}.`,
    parties,
    incidents,
    ...(base ? { stances: base.stances } : {}),
    dynamics: base?.dynamics ?? {
      horizon_days: Math.max(90, lastDay + 30),
      step_days: 7,
      escalate_if_unanswered: 0,
    },
    assumptions: [
      ...(base?.assumptions ?? []),
      'Each violation over a zone’s limits is one incident on the day it was reported; severity is Concert’s reading (docs/disputes.md): 1 troops alone, 2 heavy equipment, 3 more than 10 pieces or any aircraft, helicopters or air defence; a DMZ violation alone is never an armed attack.',
      'The states whose forces were reported and those on whose territory are parties with the role "involved": a procedural role for recusal, not a finding of responsibility.',
    ],
    sources: [
      ...(base?.sources ?? []).filter((s) => s.id !== SOURCE_ID),
      { id: SOURCE_ID, title: `Violation reports of ${zoneIds(file)} (${source})` },
    ],
  };
  return validateScenario(scenario, source);
}

/** A scenario as a YAML file, in the field order of docs/crisis.md; `concert simulate` reads it back as is. */
export function scenarioYaml(scenario: Scenario, comment?: string): string {
  const body = stringify(scenario, { lineWidth: 0 });
  return comment ? `${comment.replace(/^/gm, '# ')}\n${body}` : body;
}

function zoneIds(file: DmzFile): string {
  return file.zones.map((z) => z.id).join(', ');
}
