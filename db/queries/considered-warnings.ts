import type { ConsideredWarning } from '../../shared/domain/considered-warnings';
import type { Db } from '../connection';
import { stmt } from '../statements';

type ConsideredWarningRow = { code: string; criterion_id: string; considered_at: string; considered_by: string };

const toConsidered = (r: ConsideredWarningRow): ConsideredWarning => ({
  code: r.code as ConsideredWarning['code'],
  criterionId: r.criterion_id === '' ? null : r.criterion_id,
  consideredAt: r.considered_at,
  consideredBy: r.considered_by,
});

export function listConsideredWarnings(db: Db, validationId: string): ConsideredWarning[] {
  return (
    stmt(
      db,
      'SELECT code, criterion_id, considered_at, considered_by FROM considered_warnings WHERE validation_id = ? ORDER BY code, criterion_id',
    ).all(validationId) as ConsideredWarningRow[]
  ).map(toConsidered);
}

export function getConsideredWarning(
  db: Db,
  validationId: string,
  code: string,
  criterionId: string | null,
): ConsideredWarning | undefined {
  const row = stmt(
    db,
    'SELECT code, criterion_id, considered_at, considered_by FROM considered_warnings WHERE validation_id = ? AND code = ? AND criterion_id = ?',
  ).get(validationId, code, criterionId ?? '') as ConsideredWarningRow | undefined;
  return row && toConsidered(row);
}

export function insertConsideredWarning(db: Db, validationId: string, mark: ConsideredWarning): void {
  stmt(
    db,
    `INSERT INTO considered_warnings (validation_id, code, criterion_id, considered_at, considered_by)
     VALUES (?, ?, ?, ?, ?)`,
  ).run(validationId, mark.code, mark.criterionId ?? '', mark.consideredAt, mark.consideredBy);
}

export function deleteConsideredWarning(db: Db, validationId: string, code: string, criterionId: string | null): void {
  stmt(db, 'DELETE FROM considered_warnings WHERE validation_id = ? AND code = ? AND criterion_id = ?').run(
    validationId,
    code,
    criterionId ?? '',
  );
}
