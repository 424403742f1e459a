import path from 'node:path';
import { runAdminCommand } from './admin-commands';
import { buildHqApp } from './app';
import { openHqDb } from './db/open';
import { isLoopbackHost, listenOptionsFrom } from './server';

async function serve(): Promise<void> {
  const { host, port } = listenOptionsFrom(process.env);
  const { db, where } = await openHqDb(process.env);
  // Evidence files live on disk beside the data folder (with PostgreSQL too): HQ_EVIDENCE_DIR overrides.
  const evidenceDir = path.resolve(
    process.env.HQ_EVIDENCE_DIR ?? path.join(process.env.HQ_DATA_DIR ?? path.join('.data', 'hq'), 'evidence'),
  );
  const app = buildHqApp({ db, logger: true, evidenceDir });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'HQ stopping');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host, port });
  if (!isLoopbackHost(host)) app.log.warn({ host }, 'HQ is reachable from other computers: serve it behind TLS');
  app.log.info({ database: where, evidenceDir }, 'HQ ready');
}

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (command === undefined || command === 'serve') {
    await serve();
    return -1;
  }
  return runAdminCommand(argv, process.env);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
