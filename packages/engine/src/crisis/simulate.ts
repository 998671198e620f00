// One run of a crisis under one charter: a discrete-event simulation. Incidents arrive in order of day; each
// activates the rungs whose thresholds it meets; a rung with a decision is put to its body, whose members vote
// as the stance model draws them, under the body's own rule (recusal applied); deadlines set the day of the
// decision; unanswered incidents may escalate, and adopted measures may deter later ones.
import { activates, type Plan, type RungPlan } from './plan.ts';
import type { Random } from './random.ts';
import type { Incident, Scenario } from './scenario.ts';
import { swingFor } from './swing.ts';

const YES = 0;
const NO = 1;
const ABSTAIN = 2;

export interface TimelineStep {
  day: number;
  event: 'incident' | 'prevented' | 'vote' | 'follows' | 'escalation';
  text: string;
  cite?: string;
  rung?: string;
  adopted?: boolean;
  yes?: number;
  no?: number;
  abstain?: number;
  /** Members whose vote decided the outcome (changing it alone would have changed the result). */
  deciding?: string[];
  recused?: string[];
  obliged?: string[];
}

/** What one run produced, in counts an ensemble can add up. */
export interface RunOutcome {
  /** Per rung: 1 if reached (activated at least once). */
  reached: Uint8Array;
  adopted: Uint8Array;
  /** Day of the first adopted rung decided by a body (a collective act), relative to the first incident; -1: none. */
  firstResponseDay: number;
  /** The same for the first adopted measure beyond consultations; -1: none. */
  firstMeasureDay: number;
  /** Per rung: the day it was adopted, relative to the first incident; -1 when it was not. */
  adoptedDay: Float64Array;
  /** Per member: cast a deciding yes, a blocking no, or was obliged to act (beyond consultations), in this run. */
  deciding: Uint8Array;
  blocking: Uint8Array;
  obliged: Uint8Array;
  /** Per rung × member (members.length per rung): this member's no blocked this rung at least once. */
  rungBlocking: Uint8Array;
  timeline?: TimelineStep[];
}

/** A runner reuses its buffers across runs; create one per plan (and per thread). */
export function runnerFor(scenario: Scenario, plan: Plan) {
  const memberIndex = new Map(plan.members.map((m, i) => [m, i]));
  const n = plan.members.length;
  const R = plan.rungs.length;
  const votes = plan.rungs.map((r) => new Uint8Array(r.decision?.players.length ?? 0));
  const swings = plan.rungs.map((r) =>
    r.decision ? swingFor(r.decision.rule, r.decision.players.length) : null,
  );
  const pivot = new Int32Array(Math.max(0, ...plan.rungs.map((r) => r.decision?.players.length ?? 0)));
  // The stance model's common factor: each vote mixes one shared normal draw with one per member.
  const shared = Math.sqrt(scenario.stances.cohesion);
  const own = Math.sqrt(1 - scenario.stances.cohesion);
  const playerIndex = plan.rungs.map((r) =>
    Int32Array.from(r.decision?.players ?? [], (id) => memberIndex.get(id) ?? -1),
  );
  const obligedIndex = plan.rungs.map((r) => Int32Array.from(r.obliged, (id) => memberIndex.get(id) ?? -1));
  const firstDay = scenario.incidents[0]!.day;
  const { dynamics } = scenario;

  return function run(random: Random, record: boolean): RunOutcome {
    const out: RunOutcome = {
      reached: new Uint8Array(R),
      adopted: new Uint8Array(R),
      firstResponseDay: -1,
      firstMeasureDay: -1,
      adoptedDay: new Float64Array(R).fill(-1),
      deciding: new Uint8Array(n),
      blocking: new Uint8Array(n),
      obliged: new Uint8Array(n),
      rungBlocking: new Uint8Array(R * n),
    };
    const timeline: TimelineStep[] | undefined = record ? [] : undefined;
    const adoptedDay = new Float64Array(R).fill(-1);
    let measureDay = -1; // first day a measure beyond consultations is in force
    let over = false;
    const queue: Incident[] = [...scenario.incidents];
    for (let q = 0; q < queue.length; q++) {
      const incident = queue[q]!;
      if (incident.type === 'de-escalation') {
        timeline?.push({ day: incident.day, event: 'incident', text: `De-escalation: ${incident.text}` });
        if (incident.severity === 0) over = true;
        continue;
      }
      if (incident.deterrable !== undefined && measureDay >= 0 && measureDay <= incident.day) {
        if (random.next() < incident.deterrable) {
          timeline?.push({
            day: incident.day,
            event: 'prevented',
            text: `Prevented (measures in force since day ${measureDay}): ${incident.text}`,
          });
          continue;
        }
      }
      timeline?.push({
        day: incident.day,
        event: 'incident',
        text: `${incident.type}, severity ${incident.severity}, in ${incident.place}${incident.by ? ` by ${incident.by}` : ''}: ${incident.text}`,
      });
      let answered = false;
      for (const rung of plan.rungs) {
        const i = rung.index;
        if (out.adopted[i]) continue;
        if (rung.after >= 0 && !out.adopted[rung.after]) continue;
        if (!activates(rung, incident)) continue;
        out.reached[i] = 1;
        const start = rung.after >= 0 ? Math.max(incident.day, adoptedDay[rung.after]!) : incident.day;
        const day = start + rung.deadlineDays;
        const adopted = rung.decision ? vote(rung, random, out, day, timeline) : follows(rung, day, timeline);
        if (!adopted) continue;
        out.adopted[i] = 1;
        adoptedDay[i] = day;
        out.adoptedDay[i] = day - firstDay;
        answered = true;
        if (rung.kind !== 'consultations' && (measureDay < 0 || day < measureDay)) measureDay = day;
        if (rung.decision && (out.firstResponseDay < 0 || day - firstDay < out.firstResponseDay))
          out.firstResponseDay = day - firstDay;
        if (
          rung.decision &&
          rung.kind !== 'consultations' &&
          (out.firstMeasureDay < 0 || day - firstDay < out.firstMeasureDay)
        )
          out.firstMeasureDay = day - firstDay;
        markObliged(rung, out);
      }
      if (!answered && measureDay < 0 && !over) escalate(incident, random, queue, q, timeline);
    }
    if (timeline) {
      timeline.sort((a, b) => a.day - b.day);
      out.timeline = timeline;
    }
    return out;
  };

  function vote(
    rung: RungPlan,
    random: Random,
    out: RunOutcome,
    day: number,
    timeline?: TimelineStep[],
  ): boolean {
    const d = rung.decision!;
    const v = votes[rung.index]!;
    const swing = swings[rung.index]!;
    const idx = playerIndex[rung.index]!;
    const common = shared * random.normal();
    for (let k = 0; k < v.length; k++) {
      if (d.mustAbstain[k]) v[k] = ABSTAIN;
      else if (common + own * random.normal() < d.threshold[k]!) v[k] = YES;
      else v[k] = random.next() < d.abstention[k]! ? ABSTAIN : NO;
    }
    const adopted = swing.cast(v);
    // Deciding votes: a yes without which the rung fails, or a no (or abstention) without which it passes.
    let pivots = 0;
    for (let k = 0; k < v.length; k++) {
      if (adopted ? v[k] !== YES : v[k] === YES || d.mustAbstain[k]) continue;
      if (swing.passesWith(k, adopted ? NO : YES) !== adopted) pivot[pivots++] = k;
    }
    for (let j = 0; j < pivots; j++) {
      const m = idx[pivot[j]!]!;
      if (m < 0) continue;
      if (adopted) out.deciding[m] = 1;
      else {
        out.blocking[m] = 1;
        out.rungBlocking[rung.index * plan.members.length + m] = 1;
      }
    }
    if (timeline) {
      let yes = 0;
      let no = 0;
      let abstain = 0;
      for (const x of v) {
        if (x === YES) yes++;
        else if (x === NO) no++;
        else abstain++;
      }
      const who = Array.from(pivot.subarray(0, pivots), (k) => d.players[k]!);
      const against = adopted ? [] : d.players.filter((_, k) => v[k] === NO);
      timeline.push({
        day,
        event: 'vote',
        rung: rung.id,
        adopted,
        yes,
        no,
        abstain,
        deciding: who,
        recused: d.recused,
        ...(adopted ? { obliged: obligedFor(rung, v) } : {}),
        cite: `${rung.cite}; rule: ${d.cite}`,
        text: `${rung.title}: ${d.body} (${d.category}) ${adopted ? 'ADOPTS' : 'does not adopt'} — ${yes} yes, ${no} no${abstain ? `, ${abstain} abstain` : ''}${d.recused.length ? `; recused: ${d.recused.join(', ')}` : ''}${who.length ? `; ${adopted ? 'deciding' : 'blocking'}: ${list(who)}` : ''}${!adopted && who.length === 0 && against.length ? `; against: ${list(against)}` : ''}`,
      });
    }
    return adopted;
  }

  function follows(rung: RungPlan, day: number, timeline?: TimelineStep[]): boolean {
    timeline?.push({
      day,
      event: 'follows',
      rung: rung.id,
      adopted: true,
      obliged: rung.obliged,
      cite: rung.cite,
      text: `${rung.title}: follows from the incident itself, no decision needed — ${rung.obligations.text}`,
    });
    return true;
  }

  function obligedFor(rung: RungPlan, v: Uint8Array): string[] {
    if (rung.obligations.who !== 'supporters') return rung.obliged;
    return rung.decision!.players.filter((_, k) => v[k] === YES);
  }

  // Taking part in consultations is not counted as being obliged to act.
  function markObliged(rung: RungPlan, out: RunOutcome): void {
    if (rung.kind === 'consultations') return;
    if (rung.obligations.who === 'supporters') {
      const v = votes[rung.index]!;
      const idx = playerIndex[rung.index]!;
      for (let k = 0; k < v.length; k++) if (v[k] === YES && idx[k]! >= 0) out.obliged[idx[k]!] = 1;
      return;
    }
    for (const m of obligedIndex[rung.index]!) if (m >= 0) out.obliged[m] = 1;
  }

  function escalate(
    incident: Incident,
    random: Random,
    queue: Incident[],
    q: number,
    timeline?: TimelineStep[],
  ): void {
    if (dynamics.escalate_if_unanswered <= 0 || incident.severity >= 5) return;
    const day = incident.day + dynamics.step_days;
    if (day > dynamics.horizon_days) return;
    if (random.next() >= dynamics.escalate_if_unanswered) return;
    const next: Incident = {
      day,
      type: dynamics.escalates_to ?? incident.type,
      severity: incident.severity + 1,
      place: incident.place,
      ...(incident.by ? { by: incident.by } : {}),
      text: `escalation after an unanswered ${incident.type} (simulated, scenario dynamics)`,
    };
    timeline?.push({
      day: incident.day,
      event: 'escalation',
      text: `No response: the crisis escalates to severity ${next.severity} on day ${day} (scenario dynamics, p = ${dynamics.escalate_if_unanswered})`,
    });
    // Insert in day order after the current incident.
    let at = q + 1;
    while (at < queue.length && queue[at]!.day <= day) at++;
    queue.splice(at, 0, next);
  }
}

function list(ids: string[]): string {
  return `${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ` and ${ids.length - 8} more` : ''}`;
}
