/**
 * What the MSC performance views read (hq/analytics.ts) as typed columns beside the JSON documents,
 * so each view is an aggregate over columns and indexes rather than a scan of documents. Stored generated
 * columns: PostgreSQL and PGlite keep them in step with every insert and update of the payload (whatever path
 * wrote it), and compute them for existing rows as the columns are added (a table rewrite, no UPDATE, so the
 * pull stamps of migration 002 do not move). Definitions match shared/analytics/definitions.ts.
 */
export const migration008 = {
  version: 8,
  name: 'analytics-columns',
  sql: `
ALTER TABLE validations
  -- Ever submitted (isSubmitted): a withdrawn or returned validation keeps its submittedAt and still counts.
  ADD COLUMN ever_submitted boolean GENERATED ALWAYS AS
    (workflow_state <> 'IN_PROGRESS' OR payload->>'submittedAt' IS NOT NULL) STORED,
  -- ISO UTC text, as sent: compared as text so ordering and ties are exactly those of the document.
  ADD COLUMN submitted_at text GENERATED ALWAYS AS (payload->>'submittedAt') STORED,
  ADD COLUMN submitted_day text GENERATED ALWAYS AS (left(payload->>'submittedAt', 10)) STORED,
  ADD COLUMN member_id text GENERATED ALWAYS AS (payload->>'memberId') STORED,
  ADD COLUMN entity_type text GENERATED ALWAYS AS (payload->>'entityType') STORED,
  ADD COLUMN mode text GENERATED ALWAYS AS (payload->>'mode') STORED,
  ADD COLUMN edition text GENERATED ALWAYS AS (payload->>'catalogEditionId') STORED,
  -- Text, not date: text to date depends on DateStyle, so it cannot be a generated column; cast where compared.
  ADD COLUMN report_date text GENERATED ALWAYS AS (payload->>'reportDate') STORED;

ALTER TABLE records
  ADD COLUMN criterion_id text GENERATED ALWAYS AS (payload->>'criterionId') STORED,
  -- A criterion's category is its ID's first number; null (never an error on ingest) for anything else.
  ADD COLUMN category integer GENERATED ALWAYS AS (CASE WHEN payload->>'criterionId' ~ '^[0-9]{1,4}[.]'
    THEN split_part(payload->>'criterionId', '.', 1)::integer END) STORED,
  ADD COLUMN result text GENERATED ALWAYS AS (payload->>'result') STORED,
  ADD COLUMN classification text GENERATED ALWAYS AS (payload->>'classification') STORED,
  ADD COLUMN reason_code text GENERATED ALWAYS AS (payload->>'reasonCode') STORED,
  -- A finding review's decision, and a member response's finding: what "ruled no finding" and "overdue" read.
  ADD COLUMN decision text GENERATED ALWAYS AS (payload->>'decision') STORED,
  ADD COLUMN proposed_classification text GENERATED ALWAYS AS (payload->>'proposedClassification') STORED,
  ADD COLUMN finding_id text GENERATED ALWAYS AS (payload->>'findingId') STORED;

-- Findings of a validation with everything the views group by, read without touching the documents.
CREATE INDEX records_analytics_findings ON records (validation_id, criterion_id)
  INCLUDE (entity_id, category, classification, reason_code) WHERE entity = 'finding';
-- How often a criterion was assessed: the top deficiencies read this for their few criteria only.
CREATE INDEX records_analytics_responses ON records (criterion_id, result, validation_id)
  WHERE entity = 'criterion_response';
-- Reviews that ruled a finding out, few among all reviews.
CREATE INDEX records_analytics_reviews ON records (decision, proposed_classification)
  INCLUDE (validation_id, finding_id) WHERE entity = 'finding_review';
CREATE INDEX records_analytics_member_responses ON records (validation_id, finding_id)
  WHERE entity = 'member_response';
CREATE INDEX records_analytics_sessions ON records (validation_id) WHERE entity = 'virtual_session';

-- The submitted validations, by member and date: a Member's previous validation, and the date filters.
CREATE INDEX validations_analytics_member ON validations (member_id, submitted_at) WHERE ever_submitted;
CREATE INDEX validations_analytics_day ON validations (submitted_day) WHERE ever_submitted;
`,
};
