// The territorial situation on a date, given the accepted border changes: who holds an area, who borders whom,
// and which guarantees cover an area. Border changes are an explicit input (no registry is kept anywhere): the
// same charter and the same list of changes always give the same answers (000 §V ¶1: borders change "only
// through mutual agreement with democratic validation", and then the guarantees follow the new holder).
import { institutionOn } from '../charter/institution.ts';
import type { Charter, Guarantee as CharterGuarantee } from '../charter/schema.ts';
import { guaranteesOf } from '../coverage/guarantees.ts';
import type { CoverageOptions, Guarantee } from '../coverage/types.ts';
import { coveredStates } from '../crisis/plan.ts';
import { addDays } from '../disputes/calendar.ts';
import { closestIds, type IsoDate, isStateId, stateById, UnknownIdError } from '../world/index.ts';
import { type AreaTransfer, type BorderRegistry, borderRegistry, holderOn, neighboursOn } from './borders.ts';
import { applyBorderChange, type BorderChangeAssessment, type BorderChangeRequest } from './change.ts';

/** A border change with the engine's assessment of it (only accepted ones change anything). */
export interface AssessedChange {
  request: BorderChangeRequest;
  assessment: BorderChangeAssessment;
}

/**
 * The charter's registry with the accepted changes applied in the order of their effect dates (ties: as
 * given), so the result does not depend on the order in which they were recorded.
 */
export function registryWith(charter: Charter, changes: readonly AssessedChange[]): BorderRegistry {
  const ordered = changes
    .map((c, i) => ({ c, i }))
    .sort((x, y) => x.c.request.effective.localeCompare(y.c.request.effective) || x.i - y.i);
  let registry = borderRegistry(charter);
  for (const { c } of ordered) registry = applyBorderChange(registry, c.request, c.assessment);
  return registry;
}

/**
 * Land neighbours of a state on a date, in the shape the neutrality test takes (`neighboursOf`). From the
 * registry's recognition date on, the registry's borders with the accepted changes; before it, the borders as
 * the world data gives them (the registry records recognition, it does not say there were no borders before).
 */
export function landNeighbours(registry: BorderRegistry): (state: string, date: IsoDate) => string[] {
  return (state, date) => {
    if (date >= registry.recognisedFrom) return neighboursOn(registry, state, date);
    return isStateId(state) ? [...stateById(state).neighbours.value].sort() : [];
  };
}

/** Which state holds an area on a date, and since when: what every area query starts from. */
export interface AreaHolding {
  area: string;
  date: IsoDate;
  holder: string;
  /** The transfer in force on the date (undefined before the first one takes effect). */
  transfer?: AreaTransfer;
  /** The next transfer after the date, if one is already accepted. */
  next?: AreaTransfer;
}

/** The guarantees that apply to an area on a date: those of the state holding it then. */
export interface AreaCoverage extends AreaHolding {
  /** Whether the holder is a member of the charter's institution on the date. */
  member: boolean;
  /** The charter's own guarantees whose geography covers the holder's territory on the date. */
  charterGuarantees: { id: string; title: string; nature: CharterGuarantee['nature']; cite: string }[];
  /** Legally binding collective-defence clauses of the world data that protect the holder (docs/data.md). */
  defenceClauses: Guarantee[];
  /** One sentence saying who holds the area and what covers it. */
  explanation: string;
}

/** Names of every area an accepted change has transferred, sorted. */
export function transferredAreas(registry: BorderRegistry): string[] {
  return [...new Set(registry.transfers.map((t) => t.area))].sort();
}

/** Who holds `area` on `date`; an area no accepted change concerns is an UnknownIdError with suggestions. */
export function holdingOn(registry: BorderRegistry, area: string, date: IsoDate): AreaHolding {
  const holder = holderOn(registry, area, date);
  if (holder === undefined)
    throw new UnknownIdError('area', area, closestIds(area, transferredAreas(registry)));
  const transfers = registry.transfers
    .filter((t) => t.area === area)
    .sort((x, y) => x.effective.localeCompare(y.effective));
  const transfer = transfers.filter((t) => t.effective <= date).at(-1);
  const next = transfers.find((t) => t.effective > date);
  return { area, date, holder, ...(transfer ? { transfer } : {}), ...(next ? { next } : {}) };
}

/**
 * The coverage of an area on a date: an area transferred from A to B with effect from D is A's, and covered by
 * A's guarantees, until the day before D, and B's from D. Both the charter's own guarantees (their geography,
 * as the crisis simulator reads it) and the world data's defence clauses (the coverage module) are given.
 */
export function areaCoverageOn(
  charter: Charter,
  registry: BorderRegistry,
  area: string,
  date: IsoDate,
  options: CoverageOptions = {},
): AreaCoverage {
  const holding = holdingOn(registry, area, date);
  const members = institutionOn(charter, date).members.map((m) => m.id);
  const member = members.includes(holding.holder);
  const charterGuarantees = charter.guarantees
    .filter((g) => coveredStates(g, members).has(holding.holder))
    .map((g) => ({ id: g.id, title: g.title, nature: g.nature, cite: g.cite }));
  const defenceClauses = isStateId(holding.holder) ? guaranteesOf(holding.holder, date, options) : [];
  const since = [
    holding.transfer ? `since ${holding.transfer.effective} (border change ${holding.transfer.request})` : '',
    holding.next
      ? `until ${addDays(holding.next.effective, -1)}, then ${holding.next.to} from ${holding.next.effective} (border change ${holding.next.request})`
      : '',
  ]
    .filter(Boolean)
    .join(', ');
  const covered = [
    ...charterGuarantees.map((g) => g.title),
    ...defenceClauses.map((g) => `${g.title} (via ${g.via})`),
  ];
  const explanation = `${area} is held by ${holding.holder} on ${date}${since ? `, ${since}` : ''}; ${
    covered.length ? `covered by ${covered.join('; ')}` : 'no guarantee covers it'
  }.`;
  return { ...holding, member, charterGuarantees, defenceClauses, explanation };
}
