// Regenerates db/SCHEMA.md: `npm run schema:snapshot` (tests/db/schema-snapshot.test.ts keeps it current).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { migrate } from './migrations/index';
import { renderSchemaSnapshot } from './schema-snapshot';

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), 'SCHEMA.md');
const db = new Database(':memory:');
try {
  migrate(db);
  writeFileSync(target, renderSchemaSnapshot(db));
} finally {
  db.close();
}
console.log(`Wrote ${path.relative(process.cwd(), target)}`);
