/** The one database surface HQ code uses, so PostgreSQL (pg) and embedded PGlite run the same SQL. */
export interface HqQueryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Settles once a statement issued now goes out at once (a pg transaction's BEGIN is answered); absent: always. */
  readonly ready?: Promise<void>;
}

export interface HqDb extends HqQueryable {
  /** Runs fn in one transaction: committed when fn resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: HqQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'postgres' | 'pglite';
}

/** SQLSTATE 23505, the same code from both drivers. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
