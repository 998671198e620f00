import type { Database } from '../database/index.ts';
import type { SessionSignals } from './events.ts';
import { castVotes, Tallies, type VoteRequest } from './votes.ts';

// Group commit of votes. A vote is queued; one writer takes everything queued as a batch and commits it in
// one transaction (domain/votes.ts); while that transaction runs, the next batch gathers. Each request is
// answered when its batch has committed (an acknowledged vote is committed), or with its own refusal. At
// low load a batch is one vote and waits for nothing; under load the batch grows with the load, and so does
// the throughput, since a batch costs about what one vote did.

/** Longest a batch waits for more votes while they keep arriving. */
const GATHER_MS = 4;

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
  /** Polls' counts kept in memory: only where this process is the database's one writer (PGlite). */
  private readonly tallies: Tallies | undefined;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly signals: SessionSignals,
    /** Most votes in one transaction. */
    private readonly maxBatch = 1000,
  ) {
    this.tallies = db.kind === 'pglite' ? talliesOf(db) : undefined;
  }

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
    try {
      while (this.queue.length > 0) await this.commitNext();
    } finally {
      this.writing = null;
    }
  }

  /**
   * The batch is taken inside its transaction, after a short gathering: the transaction is the writer's
   * place in the database's order (a close that arrives after a queued vote waits behind it, on PGlite's one
   * connection too), and the gathering lets the votes arriving meanwhile join. On PGlite, queries run on
   * this thread, so votes are read from their sockets only between them: without the gathering every batch
   * would be the one vote that woke the writer.
   */
  private async commitNext(): Promise<void> {
    let batch: Pending[] = [];
    let outcomes: Awaited<ReturnType<typeof castVotes>>['outcomes'];
    try {
      const result = await this.db.transaction(async (tx) => {
        await this.gather();
        batch = this.queue.splice(0, this.maxBatch);
        this.stats.batches++;
        this.stats.votes += batch.length;
        this.stats.largest = Math.max(this.stats.largest, batch.length);
        const at = this.now().toISOString();
        return castVotes(
          tx,
          batch.map((p) => p.request),
          at,
          this.tallies,
        );
      });
      outcomes = result.outcomes;
      this.tallies?.keep(result.counts);
    } catch (e) {
      this.tallies?.forget(new Set(batch.map((p) => p.request.pollId)));
      // The transaction failed as a whole (the database went away, a deadlock): nothing of it committed.
      // Failed before taking its batch, it fails the queue, lest the writer retry it for ever.
      for (const p of batch.length > 0 ? batch : this.queue.splice(0)) p.reject(e);
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

  /** One turn of the event loop; then, while votes keep arriving, a millisecond more, up to GATHER_MS. */
  private async gather(): Promise<void> {
    const started = performance.now();
    let seen = this.queue.length;
    await new Promise<void>((r) => setImmediate(r));
    while (this.queue.length > seen && this.queue.length < this.maxBatch) {
      if (performance.now() - started >= GATHER_MS) return;
      seen = this.queue.length;
      await new Promise<void>((r) => setTimeout(r, 1));
    }
  }
}

/** One set of tallies per database, whichever queue writes to it. */
const talliesByDatabase = new WeakMap<Database, Tallies>();

function talliesOf(db: Database): Tallies {
  let t = talliesByDatabase.get(db);
  if (!t) {
    t = new Tallies();
    talliesByDatabase.set(db, t);
  }
  return t;
}
