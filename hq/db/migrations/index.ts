import { migration001 } from './001-initial';
import { migration002 } from './002-pull';

export type HqMigration = { version: number; name: string; sql: string };

/** Monotonic versions; append only. */
export const HQ_MIGRATIONS: readonly HqMigration[] = [migration001, migration002];
