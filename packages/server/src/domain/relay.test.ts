import { describe, expect, it } from 'vitest';
import type { DisputeChange } from './dispute-feed.ts';
import { payloads, type RelayMessage } from './relay.ts';

describe('relay payloads', () => {
  it('splits what gathered into notifications PostgreSQL accepts, in order, losing nothing', () => {
    const change = (n: number): DisputeChange => ({
      institution: 'continental',
      case: n,
      position: 1,
      type: 'file',
      date: '2026-01-15',
      status: 'in-step',
      step: null,
      actor: 'delegate-svn',
      at: '2026-01-15T09:00:00.000Z',
    });
    const disputes = Array.from({ length: 200 }, (_, i) => change(i));
    const out = payloads('me', [1, 2, 3], disputes);
    expect(out.length).toBeGreaterThan(1);
    for (const p of out) expect(Buffer.byteLength(p)).toBeLessThan(8000);
    const messages = out.map((p) => JSON.parse(p) as RelayMessage);
    expect(messages.flatMap((m) => m.sessions)).toEqual([1, 2, 3]);
    expect(messages.flatMap((m) => m.disputes.map((d) => d.case))).toEqual(disputes.map((d) => d.case));
    expect(new Set(messages.map((m) => m.origin))).toEqual(new Set(['me']));
  });

  it('sends nothing when nothing gathered', () => {
    expect(payloads('me', [], [])).toEqual([]);
  });
});
