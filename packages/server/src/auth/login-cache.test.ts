import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../database/test-support.ts';
import { startTestPlatform } from '../test-support.ts';
import { LoginCache } from './login-cache.ts';
import { createLogin, endLogin, tokenHash } from './logins.ts';

// The login cache spares a database round trip per request; these pin what makes it safe: the stored expiry
// holds on every hit, a logout forgets at once (even a lookup it overtook), and what another process deletes
// is seen within the cache's few seconds.
describeEachDatabase('login cache', (t) => {
  let userId: number;
  beforeAll(async () => {
    await startTestPlatform(t.db);
    const [u] = await t.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'delegate-deu'");
    userId = u!.id;
  });

  it('serves a login from memory for a few seconds, then reads it again', async () => {
    let clock = 0;
    const cache = new LoginCache(() => clock);
    const now = new Date();
    const { token } = await createLogin(t.db, userId, 'bearer', now);
    expect((await cache.actor(t.db, token, 'bearer', now))?.username).toBe('delegate-deu');
    // Deleted behind the cache's back (another server process's logout): still served for a moment …
    await t.db.query('DELETE FROM logins WHERE token_hash = $1', [tokenHash(token)]);
    clock = 2_000;
    expect((await cache.actor(t.db, token, 'bearer', now))?.username).toBe('delegate-deu');
    // … and refused once the entry is stale.
    clock = 5_001;
    expect(await cache.actor(t.db, token, 'bearer', now)).toBeUndefined();
    expect(await cache.actor(t.db, 'no such token', 'bearer', now)).toBeUndefined();
  });

  it('refuses a cached login once its stored expiry has passed', async () => {
    const cache = new LoginCache(() => 0);
    const now = new Date();
    const { token, expiresAt } = await createLogin(t.db, userId, 'cookie', now);
    expect(await cache.actor(t.db, token, 'cookie', now)).toBeDefined();
    expect(await cache.actor(t.db, token, 'cookie', new Date(expiresAt))).toBeUndefined();
    expect(await cache.actor(t.db, token, 'bearer', now)).toBeUndefined(); // a cookie is not a bearer token
  });

  it('forgets a login on logout, even one whose lookup the logout overtook', async () => {
    const cache = new LoginCache(() => 0);
    const now = new Date();
    const { token } = await createLogin(t.db, userId, 'bearer', now);
    // The lookup's reply is held back until the logout is done: the database read the row while it existed.
    let read!: () => void;
    const wasRead = new Promise<void>((r) => {
      read = r;
    });
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    const slow = {
      async query<Row>(sql: string, params?: unknown[]) {
        const rows = await t.db.query<Row>(sql, params);
        read();
        await released;
        return rows;
      },
    };
    const lookup = cache.actor(slow, token, 'bearer', now);
    await wasRead;
    await endLogin(t.db, tokenHash(token));
    cache.forget(tokenHash(token));
    release();
    expect(await lookup).toBeDefined(); // the request that started before the logout goes on
    expect(await cache.actor(t.db, token, 'bearer', now)).toBeUndefined(); // but nothing was cached
  });
});
