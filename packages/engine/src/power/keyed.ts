import type { LinearForm } from './linear.ts';

/**
 * Keyed form: every leaf of the rule sums either one "big" weight (population in persons, say) or one of a
 * few small integer weights (member counts, counts of a class, weighted votes). A coalition is described by
 * its key — the vector of small sums — and its big weight, and for each key the rule has a minimum big weight
 * (the rule is monotone in it). EU Council voting under Nice (votes, members, population) has this form.
 */
export interface KeyedForm {
  n: number;
  /** Small dimensions: per player, its contribution to each (integers). */
  dims: Int32Array[];
  /** Upper bound of each dimension's sum (for key encoding). */
  dimTotals: number[];
  /** The big weight per player (zeros when the rule has none). */
  big: Float64Array;
  bigTotal: number;
  /** Minimum big weight for a key to win (Infinity: never), memoised. */
  threshold: (key: Int32Array) => number;
  encode: (key: Int32Array) => number;
}

const SMALL = 4096;

export function keyedForm(form: LinearForm, maxKeys = 50_000_000): KeyedForm | null {
  const { n, leaves } = form;
  const vectors: Float64Array[] = [];
  const dimOfLeaf: number[] = [];
  for (const leaf of leaves) {
    let d = vectors.findIndex((v) => v.every((x, i) => x === leaf.coef[i]));
    if (d < 0) {
      d = vectors.length;
      vectors.push(leaf.coef);
    }
    dimOfLeaf.push(d);
  }
  const totals = vectors.map((v) => v.reduce((a, b) => a + b, 0));
  const bigDims = vectors
    .map((_, d) => d)
    .filter((d) => totals[d]! > SMALL || !vectors[d]!.every(Number.isInteger));
  if (bigDims.length > 1) return null;
  const bigDim = bigDims[0] ?? -1;
  const smallDims = vectors.map((_, d) => d).filter((d) => d !== bigDim);
  const dimTotals = smallDims.map((d) => totals[d]!);
  const keySpace = dimTotals.reduce((p, t) => p * (t + 1), 1);
  if (keySpace > maxKeys) return null;
  const dims = smallDims.map((d) => Int32Array.from(vectors[d]!));
  const big = bigDim >= 0 ? Float64Array.from(vectors[bigDim]!) : new Float64Array(n);
  const bigTotal = big.reduce((a, b) => a + b, 0);
  const strides = dimTotals.map((_, j) => dimTotals.slice(0, j).reduce((p, t) => p * (t + 1), 1));
  const encode = (key: Int32Array) => {
    let code = 0;
    for (let j = 0; j < key.length; j++) code += key[j]! * strides[j]!;
    return code;
  };
  const sums = new Float64Array(leaves.length);
  const holds = (key: Int32Array, w: number) => {
    for (let l = 0; l < leaves.length; l++) {
      const d = dimOfLeaf[l]!;
      sums[l] = d === bigDim ? w : key[smallDims.indexOf(d)]!;
    }
    return form.wins(sums);
  };
  const memo = new Map<number, number>();
  const threshold = (key: Int32Array) => {
    const code = encode(key);
    const known = memo.get(code);
    if (known !== undefined) return known;
    let t: number;
    if (!holds(key, bigTotal)) t = Number.POSITIVE_INFINITY;
    else if (holds(key, 0)) t = 0;
    else {
      let lo = 0;
      let hi = bigTotal;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (holds(key, mid)) hi = mid;
        else lo = mid;
      }
      t = hi;
    }
    memo.set(code, t);
    return t;
  };
  return { n, dims, dimTotals, big, bigTotal, threshold, encode };
}
