import {
  type AuditEntry,
  appendEntry,
  type Checkpoint,
  hexToBytes,
  readAuditExport,
  verifyConsistency,
  verifyInclusion,
  verifyLog,
} from '@concert/engine';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../database/test-support.ts';
import { type Client, startTestPlatform, type TestPlatform } from '../test-support.ts';
import { allAuditEntries } from './audit.ts';

// Tampering with the audit_log rows directly in the database — alter, delete, reorder, truncate, rewrite the
// tail with recomputed hashes — is caught by /api/audit/verify against the signed checkpoints.
describeEachDatabase('the record', (t) => {
  let tp: TestPlatform;
  let observer: Client;
  let kept: Checkpoint;
  let size: number;

  beforeAll(async () => {
    tp = await startTestPlatform(t.db);
    observer = await tp.login('observer');
    const chair = await tp.login('presidency');
    await chair.post('/api/sessions', { institution: 'continental', body: 'council', title: 'Recorded' });
    const res = await observer.get('/api/audit/checkpoint');
    expect(res.statusCode, res.body).toBe(200);
    kept = res.json().checkpoint;
    size = kept.size;
    expect(res.json().note).toContain(`\n${size}\n`);
    await t.db.query('CREATE TABLE audit_backup AS SELECT * FROM audit_log');
    await t.db.query('CREATE TABLE checkpoint_backup AS SELECT * FROM audit_checkpoints');
  });

  afterEach(async () => {
    await t.db.query('DELETE FROM audit_log');
    await t.db.query('INSERT INTO audit_log SELECT * FROM audit_backup');
    await t.db.query('DELETE FROM audit_checkpoints');
    await t.db.query('INSERT INTO audit_checkpoints SELECT * FROM checkpoint_backup');
  });

  const verify = async () => (await observer.get('/api/audit/verify')).json();

  it('verifies the untouched log against its checkpoint', async () => {
    expect(await verify()).toMatchObject({ ok: true, count: size, anchoredSize: size, checkpoints: 1 });
  });

  it('exports the log in the format `concert audit verify` reads, and the export verifies', async () => {
    const res = await observer.get('/api/audit/export');
    const exported = readAuditExport(res.body);
    expect(exported.entries).toHaveLength(size);
    expect(verifyLog(exported.entries, [kept], exported.publicKey)).toMatchObject({
      ok: true,
      anchoredSize: size,
    });
  });

  it('catches an altered entry', async () => {
    await t.db.query(`UPDATE audit_log SET content = '{"title":"Forged"}' WHERE seq = 3`);
    expect((await verify()).problem).toMatchObject({ kind: 'altered', seq: 3 });
    expect((await observer.get('/api/audit/checkpoint')).statusCode).toBe(409); // never signs a tampered log
  });

  it('catches a deleted entry', async () => {
    await t.db.query('DELETE FROM audit_log WHERE seq = 3');
    expect((await verify()).problem).toMatchObject({ kind: 'removed', seq: 3 });
  });

  it('catches two entries swapped', async () => {
    await t.db.query('UPDATE audit_log SET seq = -1 WHERE seq = 3');
    await t.db.query('UPDATE audit_log SET seq = 3 WHERE seq = 4');
    await t.db.query('UPDATE audit_log SET seq = 4 WHERE seq = -1');
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problem.seq).toBe(3);
    expect(['reordered', 'altered']).toContain(report.problem.kind);
  });

  it('catches a truncation, and a truncation of everything', async () => {
    await t.db.query('DELETE FROM audit_log WHERE seq > $1', [size - 2]);
    expect((await verify()).problem).toMatchObject({ kind: 'truncated', seq: size - 1 });
    await t.db.query('DELETE FROM audit_log');
    expect((await verify()).problem).toMatchObject({ kind: 'truncated', seq: 1 });
  });

  it('catches a rewritten tail with recomputed hashes — through the checkpoint a client kept, even if the stored ones are deleted', async () => {
    const entries = await allAuditEntries(t.db);
    const from = size - 3;
    let prev: AuditEntry = entries[from - 2]!;
    await t.db.query('DELETE FROM audit_log WHERE seq >= $1', [from]);
    for (const e of entries.slice(from - 1)) {
      const forged = appendEntry(prev, {
        ...e,
        actor: e.seq === from ? 'secretariat:someone-else' : e.actor,
      });
      await t.db.query(
        'INSERT INTO audit_log (seq, at, actor, action, subject, content, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [
          forged.seq,
          forged.at,
          forged.actor,
          forged.action,
          forged.subject,
          JSON.stringify(forged.content),
          forged.prevHash,
          forged.hash,
        ],
      );
      prev = forged;
    }
    expect((await verify()).problem).toMatchObject({ kind: 'rewritten' });
    await t.db.query('DELETE FROM audit_checkpoints');
    expect((await verify()).ok).toBe(true); // the database alone cannot tell …
    const res = await observer.post('/api/audit/verify', { checkpoints: [kept] });
    expect(res.json().problem).toMatchObject({ kind: 'rewritten' }); // … the checkpoint kept outside can
  });

  it('serves inclusion and consistency proofs that verify against the checkpoint roots', async () => {
    const inc = (await observer.get(`/api/audit/proof/inclusion?seq=7&size=${size}`)).json();
    expect(inc.rootHash).toBe(kept.rootHash);
    expect(
      verifyInclusion(
        hexToBytes(inc.leafHash),
        6,
        size,
        inc.proof.map(hexToBytes),
        hexToBytes(kept.rootHash),
      ),
    ).toBe(true);
    await (await tp.login('presidency')).post('/api/sessions', {
      institution: 'continental',
      body: 'council',
      title: 'Later',
    });
    const later = (await observer.get('/api/audit/checkpoint')).json().checkpoint;
    const con = (await observer.get(`/api/audit/proof/consistency?from=${size}&to=${later.size}`)).json();
    expect(
      verifyConsistency(
        size,
        later.size,
        hexToBytes(kept.rootHash),
        hexToBytes(later.rootHash),
        con.proof.map(hexToBytes),
      ),
    ).toBe(true);
    expect((await observer.get(`/api/audit/proof/inclusion?seq=${later.size + 1}`)).statusCode).toBe(400);
    await t.db.query('DELETE FROM audit_backup');
    await t.db.query('INSERT INTO audit_backup SELECT * FROM audit_log');
    await t.db.query('DELETE FROM checkpoint_backup');
    await t.db.query('INSERT INTO checkpoint_backup SELECT * FROM audit_checkpoints');
    size = later.size;
  });

  it('keeps one unforked chain under concurrent state changes', async () => {
    const chair = await tp.login('presidency');
    const secretariat = await tp.login('secretariat');
    const s = (
      await chair.post('/api/sessions', { institution: 'continental', body: 'council', title: 'Busy' })
    ).json().id;
    const members = [
      'AUT',
      'BEL',
      'BGR',
      'CHE',
      'CZE',
      'DEU',
      'DNK',
      'ESP',
      'EST',
      'FIN',
      'FRA',
      'GBR',
      'GRC',
      'HRV',
      'HUN',
      'IRL',
    ];
    const results = await Promise.all(
      members.map((m) =>
        secretariat.post(`/api/sessions/${s}/attendance`, { delegation: `continental:${m}`, present: true }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(members.map(() => 204));
    const report = await verify();
    // Two logins, the session, the check-ins.
    expect(report).toMatchObject({ ok: true, count: size + 2 + 1 + members.length });
  });
});
