// A scenario bound to a charter: every rung of every ladder with its compiled decision rule, the members who
// take part after recusal, and each one's probability of supporting it. Built once; runs then only draw votes.
import { CharterError } from '../charter/errors.ts';
import { decisionGame, institutionOn } from '../charter/institution.ts';
import type { Charter, Guarantee, PartyRole, Rung, RungKind, Trigger } from '../charter/schema.ts';
import type { CompiledRule } from '../rules/index.ts';
import { describeRule } from '../rules/index.ts';
import type { Incident, Scenario } from './scenario.ts';
import { normalQuantile, supportProbability } from './stance.ts';

export interface RungDecision {
  body: string;
  category: string;
  /** The category's citation: the article that gives the body its rule. */
  cite: string;
  ruleText: string;
  rule: CompiledRule;
  /** Members who vote, in the order of `rule`'s weights. */
  players: string[];
  /** Each player's probability of voting yes. */
  support: Float64Array;
  /** Φ⁻¹(support): a player votes yes when its correlated normal draw falls below this. */
  threshold: Float64Array;
  /** Chance that a player who does not support the rung abstains rather than votes against. */
  abstention: Float64Array;
  /** Players who must abstain (recusal: must-abstain). */
  mustAbstain: Uint8Array;
  recused: string[];
}

export interface RungPlan {
  index: number;
  guarantee: string;
  id: string;
  kind: RungKind;
  title: string;
  cite: string;
  triggers: ReadonlySet<Trigger>;
  minSeverity: number;
  where: 'covered' | 'anywhere';
  /** Index of the rung that must have been adopted first, or -1. */
  after: number;
  deadlineDays: number;
  decision?: RungDecision;
  obligations: Rung['obligations'];
  /** Members obliged to act once the rung is adopted (for `supporters`: decided per run). */
  obliged: string[];
  nature: Guarantee['nature'];
  covered: ReadonlySet<string>;
  thresholds: Guarantee['thresholds'];
}

export interface Plan {
  charter: { id: string; name: string };
  scenario: { id: string; title: string };
  date: string;
  members: string[];
  rungs: RungPlan[];
  /** Parties to the crisis that are members of this charter, with their roles. */
  memberParties: { id: string; role: PartyRole }[];
  /** True when recusal was switched off to answer "what if parties voted?". */
  recusalIgnored: boolean;
}

export interface PlanOptions {
  /** Let parties vote whatever the charter says (a counterfactual, for the recusal question). */
  ignoreRecusal?: boolean;
}

/** Binds `scenario` to `charter` on the scenario's date. */
export function planFor(scenario: Scenario, charter: Charter, options: PlanOptions = {}): Plan {
  const institution = institutionOn(charter, scenario.date);
  const members = institution.members.map((m) => m.id);
  const memberSet = new Set(members);
  const memberParties = scenario.parties.filter((p) => memberSet.has(p.id));
  const rungs: RungPlan[] = [];
  charter.guarantees.forEach((g) => {
    const covered = coveredStates(g, members);
    const first = rungs.length;
    for (const r of g.ladder) {
      const after = r.activation.after ? first + g.ladder.findIndex((x) => x.id === r.activation.after) : -1;
      const partyIds = new Set(memberParties.map((p) => p.id));
      const obliged =
        r.obligations.who === 'all-members'
          ? members
          : r.obligations.who === 'members-not-parties'
            ? members.filter((m) => !partyIds.has(m))
            : [];
      // Only a binding guarantee's duty can weigh on a vote; a right-only clause leaves each member free.
      const bound = g.nature === 'obligation' ? new Set(obliged) : new Set<string>();
      const decision = r.decided_by
        ? decisionFor(scenario, institution, r.decided_by, r.kind, options.ignoreRecusal === true, bound)
        : undefined;
      rungs.push({
        index: rungs.length,
        guarantee: g.id,
        id: r.id,
        kind: r.kind,
        title: r.title,
        cite: r.cite,
        triggers: new Set(r.activation.triggers ?? g.triggers),
        minSeverity: r.activation.min_severity,
        where: r.activation.where,
        after,
        deadlineDays: r.deadline_days ?? 0,
        ...(decision ? { decision } : {}),
        obligations: r.obligations,
        obliged,
        nature: g.nature,
        covered,
        thresholds: g.thresholds,
      });
    }
  });
  if (rungs.length === 0) {
    throw new CharterError(
      `charter "${charter.id}" has no response ladder to simulate`,
      charter.id,
      ['guarantees'],
      'give a guarantee a `ladder` of rungs (docs/charter-language.md)',
    );
  }
  return {
    charter: { id: charter.id, name: charter.short_name ?? charter.name },
    scenario: { id: scenario.id, title: scenario.title },
    date: scenario.date,
    members,
    rungs,
    memberParties,
    recusalIgnored: options.ignoreRecusal === true,
  };
}

function decisionFor(
  scenario: Scenario,
  institution: ReturnType<typeof institutionOn>,
  ref: { body: string; category: string },
  kind: RungKind,
  ignoreRecusal: boolean,
  bound: ReadonlySet<string>,
): RungDecision {
  const body = institution.charter.bodies.find((b) => b.id === ref.body);
  const category = body?.categories.find((c) => c.id === ref.category);
  const roles = category?.recusal?.applies_to;
  const parties = ignoreRecusal
    ? []
    : scenario.parties.filter((p) => !roles || roles.includes(p.role)).map((p) => p.id);
  const game = decisionGame(institution, ref.body, ref.category, { parties });
  const aggressors = new Set(scenario.parties.filter((p) => p.role === 'aggressor').map((p) => p.id));
  const players = game.players.map((p) => p.id);
  const abstain = new Set(game.mustAbstain);
  const support = players.map((id) => obligedSupport(scenario, id, kind, bound));
  return {
    body: game.body.id,
    category: game.category.id,
    cite: game.category.cite,
    ruleText: describeRule(game.category.rule),
    rule: game.rule,
    players,
    support: Float64Array.from(support),
    threshold: Float64Array.from(support, normalQuantile),
    // The party responsible opposes measures against itself outright rather than abstaining.
    abstention: Float64Array.from(players, (id) => (aggressors.has(id) ? 0 : scenario.stances.abstention)),
    mustAbstain: Uint8Array.from(players, (id) => (abstain.has(id) ? 1 : 0)),
    recused: game.recused,
  };
}

/**
 * A member's support, raised by the scenario's `obligation_weight` w when adopting the rung would bind it under
 * a binding guarantee: p + w·(1 − p). w = 0 (the default) leaves stances independent of obligations; w = 1 makes
 * every bound member vote for what it would be bound to do.
 */
export function obligedSupport(
  scenario: Scenario,
  member: string,
  kind: RungKind,
  bound: ReadonlySet<string>,
): number {
  const p = supportProbability(scenario, member, kind);
  const w = scenario.stances.obligation_weight;
  return w > 0 && bound.has(member) ? p + w * (1 - p) : p;
}

/** The states whose territory a guarantee covers, given the members on the date (its `geography`). */
export function coveredStates(g: Guarantee, members: readonly string[]): ReadonlySet<string> {
  const geo = g.geography;
  const base = geo?.covers === 'listed' ? (geo.states ?? []) : members;
  const exclude = new Set(geo?.exclude ?? []);
  return new Set(base.filter((s) => !exclude.has(s)));
}

/** Whether `incident` activates `rung`: its trigger, severity, place and the guarantee's thresholds. */
export function activates(rung: RungPlan, incident: Incident): boolean {
  if (incident.type === 'de-escalation') return false;
  if (!rung.triggers.has(incident.type)) return false;
  if (incident.severity < rung.minSeverity) return false;
  if (rung.where === 'covered' && !rung.covered.has(incident.place)) return false;
  return rung.thresholds.every((t) => t.trigger !== incident.type || meetsThreshold(t, incident));
}

function meetsThreshold(t: Guarantee['thresholds'][number], e: Incident): boolean {
  if (t.min_severity !== undefined && e.severity < t.min_severity) return false;
  const pairs: [number | undefined, number | undefined][] = [
    [t.troops, e.troops],
    [t.battle_tanks, e.battle_tanks],
    [t.acvs, e.acvs],
    [t.artillery, e.artillery],
  ];
  const stated = pairs.filter(([limit]) => limit !== undefined);
  if (stated.length === 0) return true;
  // An incident that gives no figures is taken to be above the threshold (the scenario calls it notifiable).
  if (pairs.every(([, value]) => value === undefined)) return true;
  return stated.some(([limit, value]) => value !== undefined && value >= limit!);
}
