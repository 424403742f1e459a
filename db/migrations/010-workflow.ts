import type { Migration } from './index';

const STATES = `('IN_PROGRESS', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'AWAITING_RESPONSE', 'CLOSED')`;
const EVENT_KINDS = `('SUBMIT', 'WITHDRAW', 'START_REVIEW', 'RETURN', 'APPROVE', 'ISSUE_REPORT', 'CLOSE')`;
const SHA256 = (column: string) => `length(${column}) = 64 AND ${column} NOT GLOB '*[^0-9a-f]*'`;

/**
 * A validation's life after its worksheet (shared/domain/lifecycle.ts). The laptop mirrors HQ's
 * workflow state, keeps the workflow events and Member responses it made until a pull brings HQ's copies,
 * what a returned validation says to its SCSS, and what a reviewer saw when they returned one.
 */
export const migration010Workflow: Migration = {
  version: 10,
  name: '010-workflow',
  up(db) {
    db.exec(`
      -- The SCSS's own validations: HQ's workflow state as last pulled or changed here; null until first submitted.
      ALTER TABLE validations ADD COLUMN workflow_state TEXT CHECK (workflow_state IN ${STATES});
      UPDATE validations SET workflow_state = 'SUBMITTED' WHERE status = 'SUBMITTED';

      -- Pulled copies carry HQ's state and owner: what the review, approval and response lists are built from.
      ALTER TABLE hq_validations ADD COLUMN workflow_state TEXT CHECK (workflow_state IN ${STATES});
      ALTER TABLE hq_validations ADD COLUMN owner_user_id TEXT;
      ALTER TABLE hq_validations_held ADD COLUMN workflow_state TEXT CHECK (workflow_state IN ${STATES});
      ALTER TABLE hq_validations_held ADD COLUMN owner_user_id TEXT;
      UPDATE hq_validations SET workflow_state = CASE status WHEN 'SUBMITTED' THEN 'SUBMITTED' ELSE 'IN_PROGRESS' END;
      UPDATE hq_validations_held SET workflow_state = CASE status WHEN 'SUBMITTED' THEN 'SUBMITTED' ELSE 'IN_PROGRESS' END;
      -- Copies pulled before this version lack their owner and history: the next pull brings everything again.
      DELETE FROM sync_state WHERE key = 'pull_cursor';

      -- A reviewer who does not concur proposes another classification (NO_FINDING: not a deficiency).
      CREATE TABLE finding_reviews_010 (
        validation_id           TEXT NOT NULL,
        finding_id              TEXT NOT NULL,
        decision                TEXT NOT NULL CHECK (decision IN ('CONCUR', 'NON_CONCUR', 'RETURN_FOR_CORRECTION')),
        comment                 TEXT NOT NULL,
        proposed_classification TEXT CHECK (proposed_classification IN ('ACTION_REQUIRED', 'RECOMMENDATION', 'NO_FINDING')),
        reviewed_at             TEXT NOT NULL,
        reviewed_by             TEXT NOT NULL,
        version                 INTEGER NOT NULL CHECK (version > 0),
        base_version            INTEGER NOT NULL CHECK (base_version >= 0),
        PRIMARY KEY (validation_id, finding_id),
        CHECK ((decision = 'NON_CONCUR') = (proposed_classification IS NOT NULL))
      ) STRICT, WITHOUT ROWID;
      INSERT INTO finding_reviews_010 (validation_id, finding_id, decision, comment, proposed_classification,
                                       reviewed_at, reviewed_by, version, base_version)
        SELECT validation_id, finding_id, decision, comment, NULL, reviewed_at, reviewed_by, version, base_version
        FROM finding_reviews;
      DROP TABLE finding_reviews;
      ALTER TABLE finding_reviews_010 RENAME TO finding_reviews;

      -- Workflow events made on this laptop, shown in the history until a pull brings HQ's copy. change_id is
      -- the outbox change carrying it (for SUBMIT and WITHDRAW: the validation's submit or reopen change).
      CREATE TABLE workflow_events (
        id            TEXT PRIMARY KEY,
        validation_id TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ${EVENT_KINDS}),
        comment       TEXT NOT NULL,
        at            TEXT NOT NULL,
        actor_json    TEXT NOT NULL,
        report_date   TEXT,
        report_sha256 TEXT CHECK (report_sha256 IS NULL OR (${SHA256('report_sha256')})),
        change_id     TEXT
      ) STRICT;
      CREATE INDEX workflow_events_by_validation ON workflow_events (validation_id, at);

      -- A Member's answer to an Action Required finding of the SCSS's own validation, and its assessment.
      CREATE TABLE member_responses (
        id                   TEXT PRIMARY KEY,
        validation_id        TEXT NOT NULL REFERENCES validations (id),
        finding_id           TEXT NOT NULL REFERENCES findings (id),
        received_on          TEXT NOT NULL,
        corrective_action    TEXT NOT NULL,
        evidence_sha256_json TEXT NOT NULL DEFAULT '[]',
        assessment           TEXT CHECK (assessment IN ('ACCEPTED', 'NOT_ACCEPTED', 'MORE_INFO_REQUESTED')),
        assessment_note      TEXT NOT NULL DEFAULT '',
        assessed_at          TEXT,
        assessed_by_json     TEXT,
        version              INTEGER NOT NULL CHECK (version > 0),
        updated_at           TEXT NOT NULL,
        CHECK ((assessment IS NULL) = (assessed_at IS NULL) AND (assessment IS NULL) = (assessed_by_json IS NULL))
      ) STRICT;
      CREATE INDEX member_responses_by_finding ON member_responses (validation_id, finding_id, received_on);

      -- Files the Member sent with a response: stored by SHA-256 beside the evidence, not part of the worksheet.
      CREATE TABLE member_response_files (
        validation_id TEXT NOT NULL REFERENCES validations (id),
        sha256        TEXT NOT NULL CHECK (${SHA256('sha256')}),
        finding_id    TEXT NOT NULL REFERENCES findings (id),
        file_name     TEXT NOT NULL,
        media_type    TEXT NOT NULL,
        size_bytes    INTEGER NOT NULL CHECK (size_bytes > 0),
        has_thumbnail INTEGER NOT NULL CHECK (has_thumbnail IN (0, 1)),
        created_at    TEXT NOT NULL,
        PRIMARY KEY (validation_id, sha256)
      ) STRICT, WITHOUT ROWID;

      -- What the reviewer said when the SCSS's own validation came back for correction: shown on the worksheet
      -- until it is submitted again (resubmitted_at), kept afterwards for the record.
      CREATE TABLE validation_returns (
        validation_id    TEXT PRIMARY KEY REFERENCES validations (id),
        event_id         TEXT NOT NULL,
        returned_at      TEXT NOT NULL,
        returned_by_json TEXT NOT NULL,
        comment          TEXT NOT NULL,
        findings_json    TEXT NOT NULL,
        resubmitted_at   TEXT
      ) STRICT;

      -- A reviewer's copy as it stood when it was returned: "what changed since the last review" compares with it.
      CREATE TABLE review_snapshots (
        validation_id   TEXT PRIMARY KEY,
        return_event_id TEXT NOT NULL,
        taken_at        TEXT NOT NULL,
        records_json    TEXT NOT NULL
      ) STRICT;
    `);
  },
};
