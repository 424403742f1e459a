import { migration001 } from './001-initial';

export type HqMigration = { version: number; name: string; sql: string };

/** Monotonic versions; append only. */
export const HQ_MIGRATIONS: readonly HqMigration[] = [migration001];
