import type { Db } from '../../db/connection';

/** What every service needs: the store, who is acting, and a clock tests can control. */
export type ServiceContext = {
  db: Db;
  /** The data folder: the store, and evidence files under evidence/. */
  dataDir: string;
  actor: string;
  now: () => Date;
};

export const isoNow = (ctx: ServiceContext): string => ctx.now().toISOString();
