import canonicalize from 'canonicalize';
import type { Evidence, Finding, InspectionChecklist, Observation, Site, VirtualSession } from './field-work';
import type { CriterionResponse, Validation } from './validation';

export type FingerprintInput = {
  validation: Pick<Validation, 'id' | 'memberId' | 'entityType' | 'mode' | 'catalogEditionId' | 'scheduledDate'>;
  responses: ReadonlyArray<CriterionResponse>;
  findings: ReadonlyArray<Finding>;
  observations: ReadonlyArray<Observation>;
  sites: ReadonlyArray<Site>;
  evidence: ReadonlyArray<Evidence>;
  checklists: ReadonlyArray<InspectionChecklist>;
  virtualSessions: ReadonlyArray<VirtualSession>;
};

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * The canonical text (RFC 8785 JSON) whose SHA-256 is a submitted validation's fingerprint. Only what
 * the SCSS recorded counts: timestamps and version counters are left out, so HQ recomputes the same
 * fingerprint from the same content. Evidence counts by its SHA-256, not its bytes.
 */
export function fingerprintContent(input: FingerprintInput): string {
  const v = input.validation;
  const content = {
    format: 'ctpat-validation-fingerprint/1',
    validation: {
      id: v.id,
      memberId: v.memberId,
      entityType: v.entityType,
      mode: v.mode,
      catalogEditionId: v.catalogEditionId,
      scheduledDate: v.scheduledDate,
    },
    sites: [...input.sites]
      .sort(byKey((s) => s.id))
      .map((s) => ({ id: s.id, name: s.name, address: s.address, siteType: s.siteType, visitDate: s.visitDate })),
    responses: [...input.responses].sort(byKey((r) => r.criterionId)).map((r) => ({
      criterionId: r.criterionId,
      result: r.result,
      notes: r.notes,
      siteId: r.siteId,
      verificationMethods: [...r.verificationMethods].sort(),
      naJustification: r.naJustification,
    })),
    findings: [...input.findings].sort(byKey((f) => f.criterionId)).map((f) => ({
      id: f.id,
      criterionId: f.criterionId,
      classification: f.classification,
      reasonCode: f.reasonCode,
      description: f.description,
      dueDate: f.dueDate,
    })),
    observations: [...input.observations]
      .sort(byKey((o) => o.id))
      .map((o) => ({ id: o.id, category: o.category, text: o.text })),
    evidence: [...input.evidence].sort(byKey((e) => e.id)).map((e) => ({
      id: e.id,
      sha256: e.sha256,
      criterionId: e.criterionId,
      findingId: e.findingId,
      fileName: e.fileName,
      caption: e.caption,
      observedRemotely: e.observedRemotely,
    })),
    checklists: [...input.checklists].sort(byKey((c) => c.id)).map((c) => ({
      id: c.id,
      criterionId: c.criterionId,
      kind: c.kind,
      label: c.label,
      refrigerated: c.refrigerated,
      items: c.items,
    })),
    virtualSessions: [...input.virtualSessions].sort(byKey((s) => s.id)).map((s) => ({
      id: s.id,
      platform: s.platform,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      participants: s.participants,
      documents: s.documents,
      segments: s.segments,
    })),
  };
  const text = canonicalize(content);
  if (text === undefined) throw new Error('validation content could not be canonicalized');
  return text;
}
