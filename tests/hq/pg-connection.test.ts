import { afterAll, describe, expect, it } from 'vitest';
import { createPgDb } from '../../hq/db/pg-adapter';
import { TEST_DATABASE_URL } from './helpers';

describe('HQ connections to PostgreSQL', () => {
  const plain = createPgDb({ connectionString: TEST_DATABASE_URL, max: 1 });
  const inSchema = createPgDb({ connectionString: TEST_DATABASE_URL, max: 1, searchPath: 'hq_some_schema' });
  afterAll(async () => {
    await plain.close();
    await inSchema.close();
  });

  it('never JIT-compile a plan: over 5 million responses compiling took about 1 s of a 2 s analytics view', async () => {
    for (const db of [plain, inSchema]) {
      const [row] = await db.query<{ jit: string }>('SHOW jit');
      expect(row?.jit).toBe('off');
    }
  });

  it('keep the schema they were opened on beside that setting', async () => {
    const [row] = await inSchema.query<{ search_path: string }>('SHOW search_path');
    expect(row?.search_path).toBe('hq_some_schema');
  });
});
