// Voting power off the main thread: some categories (the continental council's regional supermajority) take
// seconds to count exactly, and the map must stay responsive meanwhile.
import {
  analysePower,
  decisionGame,
  institutionOn,
  PowerError,
  powerGameFromDecision,
} from '@concert/engine';
import type { PowerJob, PowerReply } from './power-types.ts';

self.onmessage = (event: MessageEvent<PowerJob>) => {
  const { parsed, body, category, date } = event.data;
  let reply: PowerReply;
  try {
    const game = decisionGame(institutionOn(parsed, date), body, category);
    const result = analysePower(powerGameFromDecision(game), {
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
    const hint = e instanceof PowerError ? ` (${e.hint})` : '';
    reply = { ok: false, message: `${e instanceof Error ? e.message : String(e)}${hint}` };
  }
  self.postMessage(reply);
};
