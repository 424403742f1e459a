import type { Db } from '../../db/connection';
import type { Person } from '../../shared/domain/lifecycle';

/** The enrolled person as HQ knows them, with the field office their scope follows. */
export type EnrolledPerson = Person & { fieldOffice: string };

/** What every service needs: the store, who is acting, and a clock tests can control. */
export type ServiceContext = {
  db: Db;
  /** The data folder: the store, and evidence files under evidence/. */
  dataDir: string;
  /**
   * Who the audit log and the store's updated_by name: the enrolled person ("Sam Ortiz (Field office
   * reviewer)"), or "Not enrolled" before enrolment. Never the OS account. Updated on enrolment.
   */
  actor: string;
  /** The enrolled person (electron/services/identity.ts); null or absent before enrolment. */
  person?: EnrolledPerson | null;
  now: () => Date;
};

export const isoNow = (ctx: ServiceContext): string => ctx.now().toISOString();
