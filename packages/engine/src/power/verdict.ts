import type { PowerResult } from './analyse.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * The domination question in plain words, with the numbers behind each sentence: can one member pass or
 * block alone, how large the smallest blocking and winning coalitions are, and how power compares with the
 * square-root ideal.
 */
export function verdict(r: PowerResult): string[] {
  const b = r.blocking;
  const lines: string[] = [];
  lines.push(
    b.passAlone.length
      ? `${b.passAlone.join(', ')} can pass a motion alone.`
      : 'No single member can pass a motion alone.',
  );
  lines.push(
    b.blockAlone.length
      ? `${b.blockAlone.length === r.n ? 'Every member' : b.blockAlone.join(', ')} can block alone (a veto).`
      : 'No single member can block alone.',
  );
  const sb = b.smallestBlocking;
  if (sb.size !== null && sb.size > 1) {
    const count = sb.count !== null ? `${sb.count} such coalitions` : 'count not computed';
    lines.push(
      `The smallest blocking coalition has ${sb.size} members (${count}), e.g. ${sb.examples[0]?.join(' + ') ?? '—'}.`,
    );
  }
  const sw = b.smallestWinning;
  if (sw.size !== null) {
    const count = sw.count !== null ? `${sw.count} such coalitions` : 'count not computed';
    lines.push(
      `The smallest winning coalition has ${sw.size} members (${count}), e.g. ${sw.examples[0]?.join(' + ') ?? '—'}.`,
    );
  } else lines.push('No coalition can pass a motion.');
  const top = [...r.players].sort((x, y) => y.banzhaf - x.banzhaf)[0];
  if (top) lines.push(`Largest share of power (normalised Banzhaf): ${top.id} with ${pct(top.banzhaf)}.`);
  const d = r.domination;
  if (d) {
    const o = d.mostOverweighted;
    const u = d.mostUnderweighted;
    lines.push(
      `Against the square-root ideal: ${o.id} has ${pct(o.banzhaf)} of the power for an ideal of ${pct(o.squareRootIdeal)} (${o.ratioToIdeal.toFixed(2)}×); ${u.id} has ${pct(u.banzhaf)} for ${pct(u.squareRootIdeal)} (${u.ratioToIdeal.toFixed(2)}×).`,
    );
  }
  lines.push(
    `A motion passes with probability ${pct(r.passProbability)} when every member votes at random (Coleman's power to act).`,
  );
  if (!r.exact)
    lines.push(
      `Estimated by sampling (${r.samples} samples): each figure is within ±${r.errorBound.toFixed(4)} with 99% confidence.`,
    );
  return lines;
}
