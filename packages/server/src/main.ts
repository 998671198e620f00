import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { PRODUCTION_COST } from './auth/passwords.ts';
import { DataDirectoryInUse, openDatabase } from './database/index.ts';
import { seedOnFirstStart } from './seed.ts';

/** `npm start`: the council platform on http://localhost:8080 (PORT, HOST, CONCERT_DATA_DIR, DATABASE_URL). */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? 'localhost';
  const dataDir = resolve(env.CONCERT_DATA_DIR ?? 'data');
  const databaseUrl = env.DATABASE_URL || undefined;
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    // PGlite runs on a thread of its own unless CONCERT_PGLITE_THREAD=0 (its queries then block the loop).
    db = await openDatabase(
      databaseUrl ? { databaseUrl } : { dataDir, pgliteThread: env.CONCERT_PGLITE_THREAD !== '0' },
    );
  } catch (e) {
    if (e instanceof DataDirectoryInUse) {
      console.error(`concert-server: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const app = await buildApp({
    db,
    logger: { level: env.LOG_LEVEL ?? 'info' },
    // Behind an HTTPS proxy: Secure cookies, HSTS.
    secureCookies: env.CONCERT_SECURE_COOKIES === '1',
    webRoot: join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist'),
    record: {
      origin: env.CONCERT_LOG_ORIGIN ?? 'concert.local/audit',
      keyFile: join(dataDir, 'audit-signing-key'),
      checkpointFile: join(dataDir, 'checkpoints.txt'),
    },
  });
  const seed = await seedOnFirstStart(db, { credentialsDir: dataDir, passwordCost: PRODUCTION_COST });
  if (seed.seeded) {
    app.log.info(
      { credentials: seed.credentialsFile },
      `first start: demo exercise created; accounts and passwords in ${seed.credentialsFile}`,
    );
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  const address = await app.listen({ port, host });
  app.log.info(
    { database: db.kind, address, ...(databaseUrl ? {} : { dataDir }) },
    `Concert council platform on http://${host}:${new URL(address).port} (API docs at /docs)`,
  );
}
