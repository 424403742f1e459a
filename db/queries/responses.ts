import type { CriterionResponse } from '../../shared/domain/validation';
import type { Db } from '../connection';
import { stmt } from '../statements';

type ResponseRow = {
  validation_id: string;
  criterion_id: string;
  result: CriterionResponse['result'];
  notes: string;
  site_id: string | null;
  verification_methods: string;
  na_justification: string;
  version: number;
  updated_at: string;
  updated_by: string;
};

const toResponse = (r: ResponseRow): CriterionResponse => ({
  validationId: r.validation_id,
  criterionId: r.criterion_id,
  result: r.result,
  notes: r.notes,
  siteId: r.site_id,
  verificationMethods: JSON.parse(r.verification_methods) as CriterionResponse['verificationMethods'],
  naJustification: r.na_justification,
  version: r.version,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export function getResponse(db: Db, validationId: string, criterionId: string): CriterionResponse | undefined {
  const row = stmt(db, 'SELECT * FROM criterion_responses WHERE validation_id = ? AND criterion_id = ?').get(
    validationId,
    criterionId,
  ) as ResponseRow | undefined;
  return row && toResponse(row);
}

export function listResponses(db: Db, validationId: string): CriterionResponse[] {
  return (stmt(db, 'SELECT * FROM criterion_responses WHERE validation_id = ?').all(validationId) as ResponseRow[]).map(
    toResponse,
  );
}

/** Writes the full new state of one answer; version counts saves so HQ can detect stale edits later. */
export function upsertResponse(db: Db, r: CriterionResponse): void {
  stmt(
    db,
    `INSERT INTO criterion_responses (validation_id, criterion_id, result, notes, site_id, verification_methods,
                                      na_justification, version, updated_at, updated_by)
     VALUES (@validationId, @criterionId, @result, @notes, @siteId, @verificationMethods,
             @naJustification, @version, @updatedAt, @updatedBy)
     ON CONFLICT (validation_id, criterion_id) DO UPDATE SET
       result = excluded.result, notes = excluded.notes, site_id = excluded.site_id,
       verification_methods = excluded.verification_methods, na_justification = excluded.na_justification,
       version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run({ ...r, verificationMethods: JSON.stringify(r.verificationMethods) });
}
