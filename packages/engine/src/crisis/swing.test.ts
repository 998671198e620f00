import { describe, expect, it } from 'vitest';
import { builtinCharter, builtinCharterIds } from '../builtin/index.ts';
import { decisionGame, inForce, institutionOn } from '../charter/institution.ts';
import { passes, type Vote } from '../rules/index.ts';
import { randomFor } from './random.ts';
import { swingFor } from './swing.ts';

const VOTES: Vote[] = ['yes', 'no', 'abstain', 'absent'];

// The fast evaluator must agree with the reference `passes` on every ballot and every single-vote change.
describe('swingFor', () => {
  const cases = builtinCharterIds().flatMap((id) => {
    const charter = builtinCharter(id);
    return charter.bodies.flatMap((b) =>
      b.categories.filter((c) => inForce(c, charter.reference_date)).map((c) => [id, b.id, c.id] as const),
    );
  });

  it.each(cases)('agrees with passes on %s %s/%s', (id, body, category) => {
    const charter = builtinCharter(id);
    const game = decisionGame(institutionOn(charter, charter.reference_date), body, category);
    const n = game.players.length;
    const swing = swingFor(game.rule, n);
    const random = randomFor(7, n);
    for (let trial = 0; trial < 40; trial++) {
      // Ballots near and far from the threshold: a share of yes drawn per ballot.
      const yes = random.next();
      const votes: Vote[] = Array.from({ length: n }, () =>
        random.next() < yes ? 'yes' : VOTES[1 + Math.floor(random.next() * 3)]!,
      );
      const codes = Uint8Array.from(votes, (v) => VOTES.indexOf(v));
      expect(swing.cast(codes)).toBe(passes(game.rule, votes));
      for (let k = 0; k < n; k += Math.max(1, Math.floor(n / 12))) {
        for (let to = 0; to < 4; to++) {
          const changed = [...votes];
          changed[k] = VOTES[to]!;
          expect(swing.passesWith(k, to)).toBe(passes(game.rule, changed));
        }
      }
    }
  });
});
