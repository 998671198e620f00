export interface DominationEntry {
  id: string;
  banzhaf: number;
  /** Penrose's square-root ideal: √population / Σ√population — power proportional to it gives every citizen equal indirect influence. */
  squareRootIdeal: number;
  populationShare: number;
  /** banzhaf / squareRootIdeal. */
  ratioToIdeal: number;
}

export interface DominationReport {
  members: DominationEntry[];
  /** The member with the highest ratio of power to its square-root ideal. */
  mostOverweighted: DominationEntry;
  mostUnderweighted: DominationEntry;
  /** Largest single share of power. */
  largestShare: DominationEntry;
  /** Root-mean-square distance between the power vector and the square-root ideal. */
  distanceToIdeal: number;
}

/** Power against the Penrose square-root ideal and against population share. */
export function dominationReport(ids: string[], banzhaf: number[], population: number[]): DominationReport {
  const roots = population.map((p) => Math.sqrt(Math.max(0, p)));
  const rootSum = roots.reduce((a, b) => a + b, 0) || 1;
  const popSum = population.reduce((a, b) => a + b, 0) || 1;
  const members = ids.map((id, i) => {
    const ideal = roots[i]! / rootSum;
    return {
      id,
      banzhaf: banzhaf[i]!,
      squareRootIdeal: ideal,
      populationShare: population[i]! / popSum,
      ratioToIdeal: ideal === 0 ? (banzhaf[i] === 0 ? 1 : Number.POSITIVE_INFINITY) : banzhaf[i]! / ideal,
    };
  });
  const by = (f: (e: DominationEntry) => number) => members.reduce((best, e) => (f(e) > f(best) ? e : best));
  const distance = Math.sqrt(
    members.reduce((s, e) => s + (e.banzhaf - e.squareRootIdeal) ** 2, 0) / members.length,
  );
  return {
    members,
    mostOverweighted: by((e) => e.ratioToIdeal),
    mostUnderweighted: by((e) => -e.ratioToIdeal),
    largestShare: by((e) => e.banzhaf),
    distanceToIdeal: distance,
  };
}
