import { beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from './auth/policy.ts';
import { describeEachDatabase } from './database/test-support.ts';
import { type Client, startTestPlatform, type TestPlatform } from './test-support.ts';

// The whole role × action matrix, against the server: each action is tried by every role on fresh fixtures
// (so an allowed action succeeds outright), and must succeed exactly when the policy allows it.
// 'holder-delegate': a delegate of the delegation holding the continental council's presidency on the
// (pinned) day, AUT on 2026-08-15, who acts as chair (auth/chair.ts).
type Who =
  | 'anonymous'
  | 'observer'
  | 'own-delegate'
  | 'other-delegate'
  | 'holder-delegate'
  | 'presidency'
  | 'secretariat';
const WHO: Who[] = [
  'anonymous',
  'observer',
  'own-delegate',
  'other-delegate',
  'holder-delegate',
  'presidency',
  'secretariat',
];

describeEachDatabase('authorization', (t) => {
  let tp: TestPlatform;
  let clients: Record<Who, Client>;
  let n = 0;
  beforeAll(async () => {
    tp = await startTestPlatform(t.db, { now: () => new Date('2026-08-15T12:00:00Z') });
    clients = {
      anonymous: tp.anonymous,
      observer: await tp.login('observer'),
      'own-delegate': await tp.login('delegate-deu'),
      'other-delegate': await tp.login('delegate-fra'),
      'holder-delegate': await tp.login('delegate-aut'),
      presidency: await tp.login('presidency'),
      secretariat: await tp.login('secretariat'),
    };
  });

  const chair = () => clients.presidency;
  async function session() {
    const res = await chair().post('/api/sessions', {
      institution: 'continental',
      body: 'council',
      title: `S${++n}`,
    });
    return res.json().id as number;
  }
  async function checkIn(sessionId: number) {
    await clients.secretariat.post(`/api/sessions/${sessionId}/attendance`, {
      delegation: 'continental:DEU',
      present: true,
    });
  }
  async function motion(sessionId: number) {
    return (
      await chair().post(`/api/sessions/${sessionId}/motions`, { category: 'procedural', text: 'M' })
    ).json().id as number;
  }
  async function poll() {
    const s = await session();
    await checkIn(s);
    const m = await motion(s);
    return (await chair().post(`/api/motions/${m}/polls`)).json().id as number;
  }

  // DEU's proxies, each in a period of its own (a granter may not have two overlapping proxies).
  function proxyFromDeu() {
    const day = (k: number) => new Date(Date.now() + k * 86_400_000).toISOString();
    n++;
    return {
      body: 'council',
      granter: 'continental:DEU',
      holder: 'continental:FRA',
      from: day(n),
      until: day(n + 0.5),
    };
  }

  // Each action: how to try it as `c`, for delegation DEU where it acts for one ("own").
  const actions: Record<
    string,
    {
      policy: keyof typeof PERMISSIONS;
      run: (c: Client) => Promise<number>;
      ownOnly?: boolean;
      chair?: boolean;
    }
  > = {
    'create an institution': {
      policy: 'institution.create',
      run: async (c) =>
        (await c.post('/api/institutions', { id: `inst-${++n}`, charterId: 'unsc', adoptedOn: '2026-01-01' }))
          .statusCode,
    },
    'create an account': {
      policy: 'user.create',
      run: async (c) =>
        (
          await c.post('/api/users', {
            username: `user-${++n}`,
            password: 'a-long-password-1',
            role: 'observer',
          })
        ).statusCode,
    },
    'open a session': {
      policy: 'session.open',
      chair: true,
      run: async (c) =>
        (await c.post('/api/sessions', { institution: 'continental', body: 'council', title: 'X' }))
          .statusCode,
    },
    'close a session': {
      policy: 'session.close',
      chair: true,
      run: async (c) => (await c.post(`/api/sessions/${await session()}/close`)).statusCode,
    },
    'add an agenda item': {
      policy: 'agenda.add',
      chair: true,
      run: async (c) =>
        (await c.post(`/api/sessions/${await session()}/agenda`, { title: 'Item' })).statusCode,
    },
    'check DEU in': {
      policy: 'attendance.set',
      ownOnly: true,
      run: async (c) =>
        (
          await c.post(`/api/sessions/${await session()}/attendance`, {
            delegation: 'continental:DEU',
            present: true,
          })
        ).statusCode,
    },
    'table a motion sponsored by DEU': {
      policy: 'motion.table',
      ownOnly: true,
      run: async (c) => {
        const body =
          c === chair()
            ? { category: 'procedural', text: 'M' }
            : { category: 'procedural', text: 'M', sponsor: 'continental:DEU' };
        return (await c.post(`/api/sessions/${await session()}/motions`, body)).statusCode;
      },
    },
    'open a poll': {
      policy: 'poll.open',
      chair: true,
      run: async (c) => {
        const s = await session();
        return (await c.post(`/api/motions/${await motion(s)}/polls`)).statusCode;
      },
    },
    'close a poll': {
      policy: 'poll.close',
      chair: true,
      run: async (c) => (await c.post(`/api/polls/${await poll()}/close`)).statusCode,
    },
    'vote for DEU': {
      policy: 'vote.cast',
      ownOnly: true,
      run: async (c) =>
        (await c.post(`/api/polls/${await poll()}/votes`, { delegation: 'continental:DEU', choice: 'yes' }))
          .statusCode,
    },
    "hand DEU's vote to FRA": {
      policy: 'proxy.grant',
      ownOnly: true,
      run: async (c) => (await c.post('/api/institutions/continental/proxies', proxyFromDeu())).statusCode,
    },
    'revoke a proxy of DEU': {
      policy: 'proxy.revoke',
      ownOnly: true,
      run: async (c) => {
        const granted = await clients['own-delegate'].post(
          '/api/institutions/continental/proxies',
          proxyFromDeu(),
        );
        return (await c.post(`/api/proxies/${granted.json().proxy}/revoke`)).statusCode;
      },
    },
  };

  const roleOf: Record<Who, string | undefined> = {
    anonymous: undefined,
    observer: 'observer',
    'own-delegate': 'delegate',
    'other-delegate': 'delegate',
    'holder-delegate': 'delegate',
    presidency: 'presidency',
    secretariat: 'secretariat',
  };

  for (const [name, action] of Object.entries(actions)) {
    describe(name, () => {
      for (const who of WHO) {
        const role = roleOf[who];
        const allowed =
          (who === 'holder-delegate' && action.chair === true) ||
          (role !== undefined &&
            (PERMISSIONS[action.policy] as readonly string[]).includes(role) &&
            !(who !== 'own-delegate' && role === 'delegate' && action.ownOnly === true));
        it(`${who}: ${allowed ? 'allowed' : 'refused'}`, async () => {
          const status = await action.run(clients[who]);
          if (allowed) expect(status, `${who} ${name}`).toBeLessThan(300);
          else expect(status, `${who} ${name}`).toBe(who === 'anonymous' ? 401 : 403);
        });
      }
    });
  }

  it('reads: every role reads sessions, polls and the audit log; anonymous reads only /api/health', async () => {
    const p = await poll();
    for (const who of WHO) {
      for (const url of [
        `/api/polls/${p}`,
        `/api/polls/${p}/caucuses`,
        '/api/institutions',
        '/api/institutions/continental/caucuses',
        '/api/audit',
        '/api/sessions',
      ]) {
        expect((await clients[who].get(url)).statusCode, `${who} ${url}`).toBe(
          who === 'anonymous' ? 401 : 200,
        );
      }
    }
    expect((await tp.anonymous.get('/api/health')).statusCode).toBe(200);
  });
});
