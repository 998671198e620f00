// A small seeded PRNG (sfc32, Chris Doty-Humphrey's Small Fast Chaotic generator) so that every simulation is
// reproducible from its seed. DESIGN.md names pure-rand; the engine keeps its dependencies to yaml and zod, and
// a simulation draws tens of millions of numbers, so the generator is inlined: four 32-bit words of state.

/** A stream of uniform numbers in [0, 1), determined entirely by its seed. */
export interface Random {
  next(): number;
  /** A standard normal draw (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number;
}

/** The generator for run `run` of an ensemble seeded with `seed`: independent of how runs are split. */
export function randomFor(seed: number, run: number): Random {
  return sfc32(mix(seed >>> 0, 0x9e3779b9), mix(run >>> 0, 0x85ebca6b), mix(seed ^ run, 0xc2b2ae35), 1);
}

function sfc32(a0: number, b0: number, c0: number, d0: number): Random {
  let a = a0 | 0;
  let b = b0 | 0;
  let c = c0 | 0;
  let d = d0 | 0;
  const step = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32 needs a few rounds to decorrelate nearby seeds.
  for (let i = 0; i < 12; i++) step();
  const next = () => step() / 4294967296;
  let spare = Number.NaN;
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const x = spare;
      spare = Number.NaN;
      return x;
    }
    const u = 1 - next(); // (0, 1]
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return { next, normal };
}

/** murmur3's 32-bit finaliser over a word and a salt. */
function mix(x: number, salt: number): number {
  let h = (x ^ salt) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
