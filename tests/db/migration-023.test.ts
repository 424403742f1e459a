import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../db/migrations/index';
import { getValidationAndOwner } from '../../db/queries/validations';
import { openAppServices } from '../../electron/services/app-services';
import { fileCredentialStore } from '../../electron/services/hq-credentials';
import { createValidation, listValidationSummaries } from '../../electron/services/validation-service';
import type { HqUser } from '../../shared/sync/protocol';
import {
  cleanupTempDbs,
  columns,
  createMigratedDb,
  insertEditionRow,
  insertMemberRow,
  insertValidationRow,
  makeTempDir,
  UUIDS,
} from './helpers';
import { addRealMember } from './workflow-fixture';

const ownerOf = (db: Parameters<typeof getValidationAndOwner>[0], id: string) => getValidationAndOwner(db, id)?.owner;

afterEach(cleanupTempDbs);

const DANA: HqUser = {
  id: '6f1c2a52-8d0e-4f7a-9d55-0b8e1c4a7d21',
  name: 'Dana Ruiz',
  role: 'SCSS',
  fieldOffice: 'Houston',
};
const SAM: HqUser = {
  id: '0b5e7c13-2f4a-4c8e-a6d9-3e1f8b2c5a74',
  name: 'Sam Ortiz',
  role: 'SCSS',
  fieldOffice: 'Houston',
};

/** Enrols the data folder as `user`, as the sync service's enrolment leaves it. */
const storeCredentials = (dataDir: string, user: HqUser) =>
  fileCredentialStore(dataDir).save({ hqUrl: 'http://127.0.0.1:1', deviceId: 'device-1', token: 'token', user });

describe('migration 023: whose validation it is', () => {
  it('adds the owner columns and leaves the validations it finds unowned until someone acts', () => {
    const db = createMigratedDb(22);
    insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
    insertEditionRow(db);
    insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1 });
    expect(migrate(db, MIGRATIONS, 23)).toBe(23);
    expect(columns(db, 'validations').map((c) => c.name)).toEqual(
      expect.arrayContaining(['owner_user_id', 'owner_name']),
    );
    expect(ownerOf(db, UUIDS.validation1)).toBeNull();
  });

  it('gives an updated store’s validations to the person enrolled at its first start, and no one else', () => {
    const dataDir = makeTempDir('ctpat-owner-');
    // Started before any enrolment: no owner yet, as every validation of a store from before migration 023.
    const before = openAppServices({ dataDir });
    const member = addRealMember(before);
    const validation = createValidation(before.ctx, {
      memberId: member.id,
      entityType: 'IMP',
      mode: 'IN_PERSON',
      scheduledDate: '2027-01-12',
    });
    expect(ownerOf(before.ctx.db, validation.id)).toBeNull();
    before.close();

    storeCredentials(dataDir, DANA);
    const asDana = openAppServices({ dataDir, credentials: fileCredentialStore(dataDir) });
    expect(ownerOf(asDana.ctx.db, validation.id)).toEqual({ userId: DANA.id, name: DANA.name });
    expect(listValidationSummaries(asDana.ctx, {}).find((v) => v.id === validation.id)?.anotherPersons).toBeNull();
    asDana.close();

    // Handed over: Sam's start claims nothing of Dana's.
    storeCredentials(dataDir, SAM);
    const asSam = openAppServices({ dataDir, credentials: fileCredentialStore(dataDir) });
    expect(ownerOf(asSam.ctx.db, validation.id)).toEqual({ userId: DANA.id, name: DANA.name });
    expect(listValidationSummaries(asSam.ctx, {}).find((v) => v.id === validation.id)?.anotherPersons).toEqual({
      name: DANA.name,
    });
    asSam.close();
  });
});
