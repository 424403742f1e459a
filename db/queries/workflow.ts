import type {
  MemberResponse,
  Person,
  ProposedClassification,
  ResponseAssessment,
  UserRole,
  WorkflowEvent,
  WorkflowEventKind,
  WorkflowState,
} from '../../shared/domain/lifecycle';
import type { Db } from '../connection';
import { stmt } from '../statements';

// ─── Workflow state ─────────────────────────────────────────────────────────────────────────────────────────

/** HQ's workflow state of the SCSS's own validation (null: never submitted), or undefined when it is not here. */
export function getOwnWorkflowState(db: Db, validationId: string): WorkflowState | null | undefined {
  const row = stmt(db, 'SELECT workflow_state FROM validations WHERE id = ?').get(validationId) as
    | { workflow_state: WorkflowState | null }
    | undefined;
  return row ? row.workflow_state : undefined;
}

export function setOwnWorkflowState(db: Db, validationId: string, state: WorkflowState | null): void {
  stmt(db, 'UPDATE validations SET workflow_state = ? WHERE id = ?').run(state, validationId);
}

export function setPulledWorkflowState(db: Db, validationId: string, state: WorkflowState): void {
  stmt(db, 'UPDATE hq_validations SET workflow_state = ? WHERE id = ?').run(state, validationId);
}

// ─── Workflow events made here ──────────────────────────────────────────────────────────────────────────────

type EventRow = {
  id: string;
  validation_id: string;
  kind: WorkflowEventKind;
  comment: string;
  at: string;
  actor_json: string;
  report_date: string | null;
  response_due_date: string | null;
  report_sha256: string | null;
  change_id: string | null;
};

/** Who made a local event: the enrolled person, or (a submit before enrolment) only a name. */
export type HistoryActor = { userId: string | null; name: string; role: UserRole | null };

/** A workflow event made here; SUBMIT and WITHDRAW made before enrolment name no enrolled person. */
export type LocalWorkflowEvent = Omit<WorkflowEvent, 'actor'> & { actor: HistoryActor; changeId: string | null };

const toEvent = (r: EventRow): LocalWorkflowEvent => ({
  id: r.id,
  validationId: r.validation_id,
  kind: r.kind,
  comment: r.comment,
  at: r.at,
  actor: JSON.parse(r.actor_json) as HistoryActor,
  reportDate: r.report_date,
  // Only an approval made since approvals fix the due date carries one (shared/domain/lifecycle.ts).
  ...(r.response_due_date !== null ? { responseDueDate: r.response_due_date } : {}),
  reportSha256: r.report_sha256,
  changeId: r.change_id,
});

export function insertWorkflowEvent(
  db: Db,
  event: Omit<WorkflowEvent, 'actor'> & { actor: HistoryActor },
  changeId: string | null,
): void {
  stmt(
    db,
    `INSERT INTO workflow_events (id, validation_id, kind, comment, at, actor_json, report_date, response_due_date,
                                  report_sha256, change_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    event.id,
    event.validationId,
    event.kind,
    event.comment,
    event.at,
    JSON.stringify(event.actor),
    event.reportDate,
    event.responseDueDate ?? null,
    event.reportSha256,
    changeId,
  );
}

export function listLocalWorkflowEvents(db: Db, validationId: string): LocalWorkflowEvent[] {
  return (
    stmt(db, 'SELECT * FROM workflow_events WHERE validation_id = ? ORDER BY at, rowid').all(validationId) as EventRow[]
  ).map(toEvent);
}

// ─── Member responses ───────────────────────────────────────────────────────────────────────────────────────

type ResponseRow = {
  id: string;
  validation_id: string;
  finding_id: string;
  received_on: string;
  corrective_action: string;
  evidence_sha256_json: string;
  assessment: ResponseAssessment | null;
  assessment_note: string;
  assessed_at: string | null;
  assessed_by_json: string | null;
  version: number;
  updated_at: string;
};

const toResponse = (r: ResponseRow): MemberResponse => ({
  id: r.id,
  validationId: r.validation_id,
  findingId: r.finding_id,
  receivedOn: r.received_on,
  correctiveAction: r.corrective_action,
  evidenceSha256: JSON.parse(r.evidence_sha256_json) as string[],
  assessment: r.assessment,
  assessmentNote: r.assessment_note,
  assessedAt: r.assessed_at,
  assessedBy: r.assessed_by_json === null ? null : (JSON.parse(r.assessed_by_json) as Person),
  version: r.version,
  updatedAt: r.updated_at,
});

export function getMemberResponse(db: Db, id: string): MemberResponse | undefined {
  const row = stmt(db, 'SELECT * FROM member_responses WHERE id = ?').get(id) as ResponseRow | undefined;
  return row && toResponse(row);
}

export function listMemberResponses(db: Db, validationId: string): MemberResponse[] {
  return (
    stmt(db, 'SELECT * FROM member_responses WHERE validation_id = ? ORDER BY finding_id, received_on, updated_at').all(
      validationId,
    ) as ResponseRow[]
  ).map(toResponse);
}

export function upsertMemberResponse(db: Db, r: MemberResponse): void {
  stmt(
    db,
    `INSERT INTO member_responses (id, validation_id, finding_id, received_on, corrective_action, evidence_sha256_json,
                                   assessment, assessment_note, assessed_at, assessed_by_json, version, updated_at)
     VALUES (@id, @validationId, @findingId, @receivedOn, @correctiveAction, @evidence, @assessment, @assessmentNote,
             @assessedAt, @assessedBy, @version, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET received_on = excluded.received_on, corrective_action = excluded.corrective_action,
       evidence_sha256_json = excluded.evidence_sha256_json, assessment = excluded.assessment,
       assessment_note = excluded.assessment_note, assessed_at = excluded.assessed_at,
       assessed_by_json = excluded.assessed_by_json, version = excluded.version, updated_at = excluded.updated_at`,
  ).run({
    id: r.id,
    validationId: r.validationId,
    findingId: r.findingId,
    receivedOn: r.receivedOn,
    correctiveAction: r.correctiveAction,
    evidence: JSON.stringify(r.evidenceSha256),
    assessment: r.assessment,
    assessmentNote: r.assessmentNote,
    assessedAt: r.assessedAt,
    assessedBy: r.assessedBy === null ? null : JSON.stringify(r.assessedBy),
    version: r.version,
    updatedAt: r.updatedAt,
  });
}

// ─── Files a Member sent ────────────────────────────────────────────────────────────────────────────────────

export type MemberResponseFile = {
  validationId: string;
  sha256: string;
  findingId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  hasThumbnail: boolean;
  createdAt: string;
};

type FileRow = {
  validation_id: string;
  sha256: string;
  finding_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  has_thumbnail: number;
  created_at: string;
};

const toFile = (r: FileRow): MemberResponseFile => ({
  validationId: r.validation_id,
  sha256: r.sha256,
  findingId: r.finding_id,
  fileName: r.file_name,
  mediaType: r.media_type,
  sizeBytes: r.size_bytes,
  hasThumbnail: r.has_thumbnail === 1,
  createdAt: r.created_at,
});

/** Keeps the first record of a file sent twice for the same validation. */
export function insertMemberResponseFile(db: Db, f: MemberResponseFile): MemberResponseFile {
  stmt(
    db,
    `INSERT INTO member_response_files (validation_id, sha256, finding_id, file_name, media_type, size_bytes,
                                        has_thumbnail, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (validation_id, sha256) DO NOTHING`,
  ).run(
    f.validationId,
    f.sha256,
    f.findingId,
    f.fileName,
    f.mediaType,
    f.sizeBytes,
    f.hasThumbnail ? 1 : 0,
    f.createdAt,
  );
  return toFile(
    stmt(db, 'SELECT * FROM member_response_files WHERE validation_id = ? AND sha256 = ?').get(
      f.validationId,
      f.sha256,
    ) as FileRow,
  );
}

export function listMemberResponseFiles(db: Db, validationId: string): MemberResponseFile[] {
  return (
    stmt(db, 'SELECT * FROM member_response_files WHERE validation_id = ? ORDER BY created_at, sha256').all(
      validationId,
    ) as FileRow[]
  ).map(toFile);
}

// ─── A returned validation, as its SCSS sees it ─────────────────────────────────────────────────────────────

export type ReturnedFinding = {
  findingId: string;
  criterionId: string;
  decision: 'RETURN_FOR_CORRECTION' | 'NON_CONCUR';
  comment: string;
  proposedClassification: ProposedClassification | null;
  reviewedBy: string;
  reviewedAt: string;
};

export type ValidationReturn = {
  validationId: string;
  eventId: string;
  returnedAt: string;
  returnedBy: Person;
  comment: string;
  findings: ReturnedFinding[];
  resubmittedAt: string | null;
};

type ReturnRow = {
  validation_id: string;
  event_id: string;
  returned_at: string;
  returned_by_json: string;
  comment: string;
  findings_json: string;
  resubmitted_at: string | null;
};

export function getValidationReturn(db: Db, validationId: string): ValidationReturn | undefined {
  const row = stmt(db, 'SELECT * FROM validation_returns WHERE validation_id = ?').get(validationId) as
    | ReturnRow
    | undefined;
  return (
    row && {
      validationId: row.validation_id,
      eventId: row.event_id,
      returnedAt: row.returned_at,
      returnedBy: JSON.parse(row.returned_by_json) as Person,
      comment: row.comment,
      findings: JSON.parse(row.findings_json) as ReturnedFinding[],
      resubmittedAt: row.resubmitted_at,
    }
  );
}

export function saveValidationReturn(db: Db, r: ValidationReturn): void {
  stmt(
    db,
    `INSERT INTO validation_returns (validation_id, event_id, returned_at, returned_by_json, comment, findings_json,
                                     resubmitted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (validation_id) DO UPDATE SET event_id = excluded.event_id, returned_at = excluded.returned_at,
       returned_by_json = excluded.returned_by_json, comment = excluded.comment, findings_json = excluded.findings_json,
       resubmitted_at = excluded.resubmitted_at`,
  ).run(
    r.validationId,
    r.eventId,
    r.returnedAt,
    JSON.stringify(r.returnedBy),
    r.comment,
    JSON.stringify(r.findings),
    r.resubmittedAt,
  );
}

export function markReturnResubmitted(db: Db, validationId: string, at: string): void {
  stmt(db, 'UPDATE validation_returns SET resubmitted_at = ? WHERE validation_id = ? AND resubmitted_at IS NULL').run(
    at,
    validationId,
  );
}

// ─── What a reviewer saw when returning ─────────────────────────────────────────────────────────────────────

export type SnapshotRecord = { entity: string; entityId: string; version: number; payload: Record<string, unknown> };
export type ReviewSnapshot = {
  validationId: string;
  returnEventId: string;
  takenAt: string;
  records: SnapshotRecord[];
};

export function getReviewSnapshot(db: Db, validationId: string): ReviewSnapshot | undefined {
  const row = stmt(db, 'SELECT * FROM review_snapshots WHERE validation_id = ?').get(validationId) as
    | { validation_id: string; return_event_id: string; taken_at: string; records_json: string }
    | undefined;
  return (
    row && {
      validationId: row.validation_id,
      returnEventId: row.return_event_id,
      takenAt: row.taken_at,
      records: JSON.parse(row.records_json) as SnapshotRecord[],
    }
  );
}

export function saveReviewSnapshot(db: Db, s: ReviewSnapshot): void {
  stmt(
    db,
    `INSERT INTO review_snapshots (validation_id, return_event_id, taken_at, records_json) VALUES (?, ?, ?, ?)
     ON CONFLICT (validation_id) DO UPDATE SET return_event_id = excluded.return_event_id,
       taken_at = excluded.taken_at, records_json = excluded.records_json`,
  ).run(s.validationId, s.returnEventId, s.takenAt, JSON.stringify(s.records));
}
