import type { Queryable } from '../database/index.ts';
import { type Actor, loginFor, tokenHash } from './logins.ts';

// Every request authenticates; without a cache that is a database round trip per request, in the same queue
// as the votes. The cache holds what a login row says — its user, role, delegation, CSRF token and expiry —
// keyed by the token's hash, for a few seconds (2.5 to 5).
//
// Why this is safe:
// - A login row never changes once written: a login ends by deletion (logout), and this server's logout
//   forgets the cached entry in the same request, before it answers.
// - The expiry is checked on every hit against the stored expiry, not against the time of caching, so a
//   cached login does not outlive its row's expires_at.
// - A user's role and delegation are fixed at creation (no route changes them), so a cached actor cannot
//   carry a role the user no longer has.
// - What the cache cannot see is a login deleted by another server process sharing a PostgreSQL database:
//   there the login stays usable here for at most TTL_MS. Only hashes are keys (as in the database), and a
//   token that fails is not cached, so guessing fills nothing.
// - Cached actors are shared between requests; routes copy an actor to change it (auth/chair.ts), never
//   mutate it.

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor;
  expiresAt: string;
  until: number;
}

export class LoginCache {
  private readonly entries = new Map<string, Entry>();
  /** Counts logouts: a lookup that a logout overtook is not cached (it may have read the deleted row). */
  private forgotten = 0;

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** The actor behind a token, from the cache while it is fresh, else from the database. */
  async actor(
    db: Queryable,
    token: string,
    kind: 'cookie' | 'bearer',
    now: Date,
  ): Promise<Actor | undefined> {
    const hash = tokenHash(token);
    const k = `${kind}:${hash}`;
    const t = this.clock();
    let entry = this.entries.get(k);
    if (!entry || entry.until <= t) {
      const before = this.forgotten;
      const login = await loginFor(db, hash, kind);
      if (!login) {
        this.entries.delete(k);
        return undefined;
      }
      // Between half the TTL and the TTL: logins cached together (200 delegations at the start of a session)
      // are not all read again in the same instant, which would stall the votes behind 200 queries.
      entry = { ...login, until: t + TTL_MS * (0.5 + Math.random() / 2) };
      if (before !== this.forgotten) return entry.expiresAt > now.toISOString() ? entry.actor : undefined;
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.delete(k); // re-inserted at the end: the oldest entry is the first to go
      this.entries.set(k, entry);
    }
    return entry.expiresAt > now.toISOString() ? entry.actor : undefined;
  }

  /** Forgets a login (logout). */
  forget(hash: string): void {
    this.forgotten++;
    this.entries.delete(`cookie:${hash}`);
    this.entries.delete(`bearer:${hash}`);
  }
}
