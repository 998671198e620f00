// Loaded on demand (a dynamic import): the built-in charters are YAML, and parsing them brings the YAML parser and
// the charter schema, which the first paint of the map does not need.
import { builtinCharter, builtinCharterIds, type Charter, inForce } from '@concert/engine';
import { continentalColouring } from './colourings.ts';
import type { PowerRequest } from './power-types.ts';

export interface RuleChoice {
  request: PowerRequest;
  charter: Charter;
  /** "Continental alliance, Council: ordinary decisions" */
  label: string;
  bodies: { id: string; name: string }[];
  categories: { id: string; name: string }[];
}

/** The charter, body and category asked for, each falling back to the first valid one on the date. */
export function chooseRule(
  charterId: string | null,
  bodyId: string | null,
  categoryId: string | null,
  date: string,
): RuleChoice {
  const ids = builtinCharterIds();
  const charter = builtinCharter(charterId && ids.includes(charterId) ? charterId : 'continental');
  const body = charter.bodies.find((b) => b.id === bodyId) ?? charter.bodies[0]!;
  const categories = body.categories.filter((c) => inForce(c, date));
  // Without a choice, a charter's ordinary decisions (where it has them) say more about power than its first
  // category, which is often procedural and gives every member the same index.
  const category =
    categories.find((c) => c.id === categoryId) ??
    categories.find((c) => c.id === 'ordinary') ??
    categories[0];
  return {
    request: { charter: charter.id, body: body.id, category: category?.id ?? '', date },
    charter,
    label: `${charter.short_name ?? charter.name}, ${body.name}: ${category?.name ?? 'no category in force'}`,
    bodies: charter.bodies.map((b) => ({ id: b.id, name: b.name })),
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
  };
}

let options: { id: string; name: string }[] | undefined;

export function charterOptions(): { id: string; name: string }[] {
  options ??= builtinCharterIds().map((id) => {
    const c = builtinCharter(id);
    return { id, name: c.short_name ?? c.name };
  });
  return options;
}

/** Membership of the continental alliance (a proposal), as if its membership clause applied on the date. */
export function continentalOn(date: string) {
  return continentalColouring(builtinCharter('continental'), date);
}
