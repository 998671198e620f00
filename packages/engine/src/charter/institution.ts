import { type CompiledRule, compileRule, type Player, RuleError } from '../rules/index.ts';
import type { AttributeValue } from '../rules/types.ts';
import {
  DEFAULT_POPULATION_SERIES,
  isStateId,
  membershipOn,
  membersOf,
  populationOf,
  stateById,
  world,
} from '../world/index.ts';
import { CharterError } from './errors.ts';
import type { Body, Charter, DecisionCategory } from './schema.ts';

/** A charter instantiated on a date: who its members are then, with the attributes its rules weigh. */
export interface Institution {
  charter: Charter;
  date: string;
  populationSeries: string;
  members: Player[];
  /** Members whose rights are suspended on the date; they do not vote. */
  suspended: string[];
}

export interface InstitutionOptions {
  /** Population series for the `population` attribute; default: the charter's, else the world default. */
  populationSeries?: string;
}

/** Members of the charter on `date`, with world attributes (population, area, region …) and charter attributes. */
export function institutionOn(charter: Charter, date: string, options: InstitutionOptions = {}): Institution {
  const { ids, suspended } = memberIdsOn(charter, date);
  const seriesId = options.populationSeries ?? chooseSeries(charter, ids);
  if (!hasSeries(seriesId)) {
    throw new CharterError(
      `unknown population series "${seriesId}"`,
      charter.id,
      ['population_series'],
      `known series: ${knownSeries()}`,
    );
  }
  const orgNames = new Map((charter.members.organisations ?? []).map((o) => [o.id, o.name]));
  const members = ids.map((id) => playerFor(charter, id, seriesId, orgNames.get(id)));
  return { charter, date, populationSeries: seriesId, members, suspended };
}

function memberIdsOn(charter: Charter, date: string): { ids: string[]; suspended: string[] } {
  const spec = charter.members;
  const ids = new Set<string>();
  const suspended: string[] = [];
  if (spec.organisation) {
    const asOf = spec.organisation.as_of ?? date;
    for (const id of membersOf(spec.organisation.id, asOf, { includeSuspended: true })) {
      if (membershipOn(spec.organisation.id, id, asOf) === 'suspended') suspended.push(id);
      else ids.add(id);
    }
  }
  for (const entry of spec.states ?? []) {
    const e = typeof entry === 'string' ? { id: entry } : entry;
    const from = 'from' in e ? e.from : undefined;
    const to = 'to' in e ? e.to : undefined;
    if ((from === undefined || from <= date) && (to === undefined || date <= to)) ids.add(e.id);
  }
  for (const org of spec.organisations ?? []) ids.add(org.id);
  for (const id of spec.exclude ?? []) ids.delete(id);
  return { ids: [...ids].sort(), suspended: suspended.sort() };
}

function playerFor(charter: Charter, id: string, seriesId: string, orgName?: string): Player {
  const attributes: Record<string, AttributeValue> = {};
  let name = orgName;
  if (orgName) {
    attributes.kind = 'organisation';
  } else {
    attributes.kind = 'state';
    const state = isStateId(id) ? stateById(id) : undefined;
    if (state) {
      name = state.name;
      attributes.area = state.areaKm2.value;
      attributes.region = state.region.value;
      attributes.subregion = state.subregion.value;
      attributes.nuclear = state.nuclear.value;
      const population = populationOf(id, seriesId);
      if (population !== undefined) {
        attributes.population = population;
        // Population in thousands, for rules that weigh by it at that resolution (exactly, as whole thousands).
        attributes.population_thousands = Math.round(population / 1000);
      }
    } else {
      const declared = (charter.members.states ?? []).find((s) => typeof s !== 'string' && s.id === id);
      if (declared && typeof declared !== 'string') name = declared.name;
    }
  }
  for (const attr of charter.attributes) {
    const value = attr.values[id] ?? attr.default;
    if (value !== undefined) attributes[attr.name] = value;
  }
  const player: Player = { id, attributes };
  if (name) player.name = name;
  return player;
}

/** A body's decision category bound to the institution's members: the game a ballot is played in. */
export interface DecisionGame {
  institution: Institution;
  body: Body;
  category: DecisionCategory;
  /** Players who take part in this decision (parties excluded by recusal are not among them). */
  players: Player[];
  rule: CompiledRule;
  /** Parties to the matter who are excluded from this decision. */
  recused: string[];
  /** Parties who take part but must abstain. */
  mustAbstain: string[];
}

export function decisionGame(
  institution: Institution,
  bodyId: string,
  categoryId: string,
  options: { parties?: string[] } = {},
): DecisionGame {
  const { charter } = institution;
  const bodyIndex = charter.bodies.findIndex((b) => b.id === bodyId);
  const body = charter.bodies[bodyIndex];
  if (!body) {
    throw new CharterError(
      `charter "${charter.id}" has no body "${bodyId}"`,
      charter.id,
      ['bodies'],
      `bodies: ${charter.bodies.map((b) => b.id).join(', ')}`,
    );
  }
  const categoryIndex = body.categories.findIndex((c) => c.id === categoryId);
  const category = body.categories[categoryIndex];
  if (!category) {
    throw new CharterError(
      `body "${bodyId}" of "${charter.id}" has no decision category "${categoryId}"`,
      charter.id,
      ['bodies', bodyIndex, 'categories'],
      `categories: ${body.categories.map((c) => c.id).join(', ')}`,
    );
  }
  const period = category.in_force;
  if (
    period &&
    ((period.from && institution.date < period.from) || (period.to && institution.date > period.to))
  ) {
    const alternatives = body.categories.filter((c) => inForce(c, institution.date)).map((c) => c.id);
    throw new CharterError(
      `decision category "${categoryId}" applies ${period.from ? `from ${period.from}` : ''}${period.from && period.to ? ' ' : ''}${period.to ? `until ${period.to}` : ''}, not on ${institution.date}`,
      charter.id,
      ['bodies', bodyIndex, 'categories', categoryIndex, 'in_force'],
      `categories in force on ${institution.date}: ${alternatives.join(', ') || 'none'}`,
    );
  }
  const composition = body.composition?.where;
  let players = institution.members.filter(
    (p) => !composition || Object.entries(composition).every(([k, v]) => p.attributes[k] === v),
  );
  const parties = new Set(options.parties ?? []);
  const recusal = category.recusal?.parties ?? 'vote';
  const recused = recusal === 'excluded' ? players.filter((p) => parties.has(p.id)).map((p) => p.id) : [];
  const mustAbstain =
    recusal === 'must-abstain' ? players.filter((p) => parties.has(p.id)).map((p) => p.id) : [];
  if (recused.length > 0) players = players.filter((p) => !parties.has(p.id));
  const path = ['bodies', bodyIndex, 'categories', categoryIndex, 'rule'];
  try {
    const rule = compileRule(category.rule, players, path);
    return { institution, body, category, players, rule, recused, mustAbstain };
  } catch (e) {
    if (e instanceof RuleError) {
      const hint = /"population"/.test(e.message)
        ? `population series "${institution.populationSeries}" has no figure for this member; choose another series (known: ${knownSeries()})`
        : e.hint;
      throw new CharterError(e.message, charter.id, e.path, hint);
    }
    throw e;
  }
}

/** The charter's preferred series that has a figure for every member state; else the world default. */
function chooseSeries(charter: Charter, ids: string[]): string {
  const preferred = charter.population_series;
  const list = preferred === undefined ? [] : Array.isArray(preferred) ? preferred : [preferred];
  const states = ids.filter((id) => isStateId(id));
  const covering = list.find((s) => hasSeries(s) && states.every((id) => populationOf(id, s) !== undefined));
  return covering ?? list[0] ?? DEFAULT_POPULATION_SERIES;
}

export function knownSeries(): string {
  return world.populations.map((s) => s.id).join(', ');
}

export function hasSeries(id: string): boolean {
  return world.populations.some((s) => s.id === id);
}

export function inForce(category: DecisionCategory, date: string): boolean {
  const p = category.in_force;
  return !p || ((!p.from || p.from <= date) && (!p.to || date <= p.to));
}
