// Logs for tests: deterministic entries that look like a council's actions.
import { type AuditEntry, appendEntry } from './chain.ts';

const ACTIONS = [
  'session.open',
  'delegation.check-in',
  'motion.table',
  'poll.open',
  'vote.cast',
  'poll.close',
];

export function sampleLog(size: number, start: AuditEntry | null = null): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prev = start;
  for (let i = 0; i < size; i++) {
    const seq = (prev?.seq ?? 0) + 1;
    const at = new Date(Date.UTC(2030, 0, 1, 9) + seq * 1000).toISOString();
    prev = appendEntry(prev, {
      at,
      actor: `delegate:${['DEU', 'FRA', 'POL', 'ITA'][seq % 4]}`,
      action: ACTIONS[seq % ACTIONS.length]!,
      subject: seq % 5 === 0 ? null : `poll:${Math.ceil(seq / 10)}`,
      content: {
        n: seq,
        choice: ['yes', 'no', 'abstain'][seq % 3],
        note: seq % 7 === 0 ? 'proxy for ITA' : undefined,
      },
    });
    entries.push(prev);
  }
  return entries;
}
