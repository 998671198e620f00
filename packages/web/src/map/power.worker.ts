// Voting power off the main thread: some categories (the continental council's regional supermajority) take
// seconds to count exactly, and the map must stay responsive meanwhile.
// Imported by relative path, not the package root, so the worker carries no schema (zod), YAML parser or world
// data: the page sends the decision's players and rule (see src/power/power.worker.ts for the same choice).
import { analysePower, PowerError, powerGameFromPlayers } from '../../../engine/src/power/index.ts';
import { compileRule, RuleError } from '../../../engine/src/rules/index.ts';
import type { PowerJob, PowerReply } from './power-types.ts';

self.onmessage = (event: MessageEvent<PowerJob>) => {
  const { players, rule, label } = event.data;
  let reply: PowerReply;
  try {
    const game = powerGameFromPlayers(players, compileRule(rule, players), label);
    const result = analysePower(game, {
      indices: ['banzhaf'],
      minimalWinning: false,
      now: () => performance.now(),
    });
    reply = {
      ok: true,
      members: result.players.map((p) => ({ id: p.id, name: p.name ?? p.id, banzhaf: p.banzhaf })),
      method: result.method,
      exact: result.exact,
      computeMs: result.computeMs,
    };
  } catch (e) {
    const hint = (e instanceof PowerError || e instanceof RuleError) && e.hint ? ` (${e.hint})` : '';
    reply = { ok: false, message: `${e instanceof Error ? e.message : String(e)}${hint}` };
  }
  self.postMessage(reply);
};
