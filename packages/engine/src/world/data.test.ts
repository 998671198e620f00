import { describe, expect, it } from 'vitest';
import { isIsoDate, type MembershipEvent, type Sourced, statusFromEvents, world } from './index.ts';

const OSCE_IDS = new Set(world.states.map((s) => s.id));

/** Every source id the data refers to, with where it is used. */
function referencedSources(): Array<[string, string]> {
  const refs: Array<[string, string]> = [];
  for (const s of world.states) {
    const fields: Array<[string, Sourced<unknown>]> = [
      ['osceJoined', s.osceJoined],
      ['areaKm2', s.areaKm2],
      ['region', s.region],
      ['subregion', s.subregion],
      ['neighbours', s.neighbours],
      ['nuclear', s.nuclear],
    ];
    for (const [field, value] of fields) refs.push([value.source, `${s.id}.${field}`]);
  }
  for (const p of world.populations) refs.push([p.source, `population ${p.id}`]);
  for (const o of world.organisations) {
    refs.push([o.founded.source, `${o.id}.founded`]);
    if (o.dissolved) refs.push([o.dissolved.source, `${o.id}.dissolved`]);
    for (const e of o.events) refs.push([e.source, `${o.id} ${e.state} ${e.type}`]);
  }
  for (const c of world.defenceClauses) refs.push([c.source, `clause ${c.id}`]);
  return refs;
}

describe('world data integrity', () => {
  it('has the 57 OSCE participating States with unique ids and ISO codes', () => {
    expect(world.states).toHaveLength(57);
    expect(OSCE_IDS.size).toBe(57);
    expect(new Set(world.states.map((s) => s.iso2)).size).toBe(57);
    for (const s of world.states) {
      expect(s.id, s.id).toMatch(/^[A-Z]{3}$/);
      expect(s.iso2, s.id).toMatch(/^[A-Z]{2}$/);
    }
    expect(OSCE_IDS.has('VAT')).toBe(true);
    expect(OSCE_IDS.has('MNG')).toBe(true);
  });

  it('gives every state every field, each with a value and a source', () => {
    for (const s of world.states) {
      expect(s.name.length, s.id).toBeGreaterThan(0);
      expect(isIsoDate(s.osceJoined.value), `${s.id} osceJoined`).toBe(true);
      expect(s.areaKm2.value, `${s.id} area`).toBeGreaterThan(0);
      expect(s.region.value.length, `${s.id} region`).toBeGreaterThan(0);
      expect(s.subregion.value.length, `${s.id} subregion`).toBeGreaterThan(0);
      expect(Array.isArray(s.neighbours.value), `${s.id} neighbours`).toBe(true);
      for (const n of s.neighbours.value) expect(n, s.id).toMatch(/^[A-Z]{3}$/);
      expect(s.neighbours.value, s.id).not.toContain(s.id);
      expect(['npt-weapon-state', 'host', 'none'], s.id).toContain(s.nuclear.value);
    }
  });

  it('resolves every source id it uses, and every source names its edition', () => {
    const missing = referencedSources().filter(([id]) => world.sources[id] === undefined);
    expect(missing).toEqual([]);
    for (const [key, source] of Object.entries(world.sources)) {
      expect(source.id).toBe(key);
      expect(source.title.length, key).toBeGreaterThan(0);
      expect(source.publisher.length, key).toBeGreaterThan(0);
      expect(source.edition.length, key).toBeGreaterThan(0);
    }
  });

  it('has symmetric land borders among OSCE states', () => {
    const asymmetric: string[] = [];
    for (const s of world.states) {
      for (const n of s.neighbours.value) {
        const other = world.states.find((t) => t.id === n);
        if (other && !other.neighbours.value.includes(s.id)) asymmetric.push(`${s.id}-${n}`);
      }
    }
    expect(asymmetric).toEqual([]);
  });

  it('records non-OSCE neighbours too (China, Iran, Afghanistan, North Korea, Syria, Iraq)', () => {
    const outside = new Set(world.states.flatMap((s) => s.neighbours.value).filter((n) => !OSCE_IDS.has(n)));
    for (const id of ['CHN', 'IRN', 'AFG', 'PRK', 'SYR', 'IRQ']) expect(outside).toContain(id);
  });

  it('marks exactly the four OSCE states that are NPT nuclear-weapon states', () => {
    const weaponStates = world.states.filter((s) => s.nuclear.value === 'npt-weapon-state').map((s) => s.id);
    expect(weaponStates.sort()).toEqual(['FRA', 'GBR', 'RUS', 'USA']);
  });

  it('uses valid dates and known states in every membership event', () => {
    for (const o of world.organisations) {
      for (const e of o.events) {
        expect(isIsoDate(e.date), `${o.id} ${e.state} ${e.date}`).toBe(true);
        expect(OSCE_IDS.has(e.state), `${o.id} ${e.state}`).toBe(true);
      }
    }
  });

  it('has only possible transitions in each timeline (no joining twice, no leaving without being in)', () => {
    const allowed: Record<string, MembershipEvent['type'][]> = {
      'non-member': ['joined'],
      member: ['suspended', 'left'],
      suspended: ['reinstated', 'left'],
    };
    for (const o of world.organisations) {
      const byState = new Map<string, MembershipEvent[]>();
      for (const e of o.events) byState.set(e.state, [...(byState.get(e.state) ?? []), e]);
      for (const [state, events] of byState) {
        const ordered = [...events].sort((a, b) => a.date.localeCompare(b.date));
        ordered.forEach((event, i) => {
          const before = statusFromEvents(ordered.slice(0, i), event.date);
          expect(allowed[before], `${o.id} ${state} ${event.type} ${event.date}`).toContain(event.type);
        });
      }
    }
  });

  it('defines each defence clause with a known organisation or two known parties and a valid period', () => {
    const organisations = new Set(world.organisations.map((o) => o.id));
    expect(new Set(world.defenceClauses.map((c) => c.id)).size).toBe(world.defenceClauses.length);
    for (const c of world.defenceClauses) {
      expect(isIsoDate(c.inForce.from), c.id).toBe(true);
      if (c.inForce.to !== undefined) expect(c.inForce.to > c.inForce.from, c.id).toBe(true);
      if (c.kind === 'multilateral') expect(organisations.has(c.organisation ?? ''), c.id).toBe(true);
      else {
        expect(c.parties, c.id).toHaveLength(2);
        for (const p of c.parties ?? []) expect(OSCE_IDS.has(p), `${c.id} ${p}`).toBe(true);
      }
    }
    const multilateral = world.defenceClauses.filter((c) => c.kind === 'multilateral').map((c) => c.id);
    expect(multilateral.sort()).toEqual(['csto-art4', 'eu-art42-7', 'nato-art5', 'weu-art5']);
  });
});
