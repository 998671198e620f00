import type { Database } from '../database/index.ts';
import type { SessionSignals } from './events.ts';
import { castVotes, type VoteRequest } from './votes.ts';

// Group commit of votes. A vote is queued; one writer takes everything queued as a batch and commits it in
// one transaction (domain/votes.ts); while that transaction runs, the next batch gathers. Each request is
// answered when its batch has committed (an acknowledged vote is committed), or with its own refusal. At
// low load a batch is one vote and waits for nothing; under load the batch grows with the load, and so does
// the throughput, since a batch costs about what one vote did.

interface Pending {
  request: VoteRequest;
  resolve: (value: { sessionId: number }) => void;
  reject: (error: unknown) => void;
}

export interface VoteQueueStats {
  batches: number;
  votes: number;
  largest: number;
}

export class VoteQueue {
  private queue: Pending[] = [];
  private writing: Promise<void> | null = null;
  readonly stats: VoteQueueStats = { batches: 0, votes: 0, largest: 0 };

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly signals: SessionSignals,
    /** Most votes in one transaction. */
    private readonly maxBatch = 1000,
  ) {}

  /** Casts the vote in the next batch; resolves once that batch has committed. */
  cast(request: VoteRequest): Promise<{ sessionId: number }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  /** Resolves when every vote queued so far has been committed or refused (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    // No wait for company when the writer is idle: a lone vote commits at once (and a vote that arrives
    // before a close reaches the database before it); the next batch gathers while this one commits.
    try {
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, this.maxBatch));
    } finally {
      this.writing = null;
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    this.stats.batches++;
    this.stats.votes += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    let outcomes: Awaited<ReturnType<typeof castVotes>>;
    try {
      const at = this.now().toISOString();
      outcomes = await this.db.transaction((tx) =>
        castVotes(
          tx,
          batch.map((p) => p.request),
          at,
        ),
      );
    } catch (e) {
      // The transaction failed as a whole (the database went away, a deadlock): nothing of it committed.
      for (const p of batch) p.reject(e);
      return;
    }
    const sessions = new Set<number>();
    outcomes.forEach((o, i) => {
      if (o.ok) {
        sessions.add(o.sessionId);
        batch[i]!.resolve({ sessionId: o.sessionId });
      } else batch[i]!.reject(o.error);
    });
    for (const s of sessions) this.signals.changed(s);
  }
}
