import canonicalize from 'canonicalize';

/**
 * What an issued report asserts, and nothing a laptop's settings or the rendering could change: the validation
 * as signed (its fingerprint), the report date and response due date fixed at approval, each finding as recorded and the field
 * office's decision on it. The SHA-256 of this canonical text (RFC 8785 JSON) is the fingerprint recorded when
 * the report is issued; HQ recomputes it from what it holds and refuses an issue whose report says otherwise.
 */
export type ReportFacts = {
  validationId: string;
  contentSha256: string;
  reportDate: string;
  /** The due date approval fixed; absent or null for an approval made before approvals fixed one. */
  responseDueDate?: string | null;
  findings: ReadonlyArray<{
    id: string;
    criterionId: string;
    classification: string;
    reasonCode: string | null;
    description: string;
  }>;
  decisions: ReadonlyArray<{ findingId: string; decision: string; proposedClassification?: string | null }>;
};

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function reportFactsText(facts: ReportFacts): string {
  // HQ prints UUIDs in lower case: both sides hash the same text whichever case a laptop sent.
  const lower = (id: string) => id.toLowerCase();
  const decisionOf = new Map(facts.decisions.map((d) => [lower(d.findingId), d]));
  const content = {
    // No language: the hash is taken at issue, before any rendering, and printed in each, so it names what the report asserts in English or Spanish alike.
    format: 'ctpat-report-fingerprint/1',
    validationId: lower(facts.validationId),
    contentSha256: facts.contentSha256,
    reportDate: facts.reportDate,
    // Only when approval fixed it, so a report issued before keeps the fingerprint it was issued with.
    ...(facts.responseDueDate ? { responseDueDate: facts.responseDueDate } : {}),
    findings: facts.findings
      .map((f) => ({ ...f, id: lower(f.id) }))
      .sort(byId)
      .map((f) => {
        const d = decisionOf.get(f.id);
        return {
          id: f.id,
          criterionId: f.criterionId,
          classification: f.classification,
          reasonCode: f.reasonCode,
          description: f.description,
          decision: d?.decision ?? null,
          proposedClassification: d?.proposedClassification ?? null,
        };
      }),
  };
  const text = canonicalize(content);
  if (text === undefined) throw new Error('report facts could not be made canonical');
  return text;
}
