import { bundledEditions } from '../../shared/catalog/index';
import { criteriaForEntity } from '../../shared/catalog/load';
import type { CatalogEdition } from '../../shared/catalog/schema';
import { DEFAULT_SETTINGS, type Evidence, type Finding } from '../../shared/domain/field-work';
import type { CriterionResponse, Validation } from '../../shared/domain/validation';
import type { ReportInput } from '../../shared/report/input';

/**
 * A validation's report input made in code, as the loader would gather it. Every internal-only text carries
 * the word SECRET, so a test can prove none of it reaches a Member-facing report.
 */

export const VALIDATION_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const AT = '2026-03-10T15:00:00.000Z';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const SHA = {
  findingPhoto: 'a'.repeat(64),
  criterionPhoto: 'b'.repeat(64),
  procedure: 'c'.repeat(64),
} as const;

export const INTERNAL_SECRETS = [
  'NOTE-SECRET',
  'NA-SECRET',
  'REVIEW-SECRET',
  'SESSION-SECRET',
  'CHECKLIST-SECRET',
  'HISTORY-SECRET',
  'procedure-SECRET.pdf',
  SHA.procedure,
  'Reviewer SECRET',
  'Attacher SECRET',
];

function firstEdition(): CatalogEdition {
  const found = bundledEditions()[0];
  if (!found) throw new Error('no bundled edition');
  return found;
}
const edition = firstEdition();
export const EDITION = edition;
export const IMP_CRITERIA = criteriaForEntity(edition, 'IMP');

export const FINDING_IDS = { ar41: uuid(101), ar96: uuid(102), rec24: uuid(103) } as const;

const finding = (
  id: string,
  criterionId: string,
  classification: Finding['classification'],
  description: string,
): Finding => ({
  id,
  validationId: VALIDATION_ID,
  criterionId,
  classification,
  reasonCode: classification === 'ACTION_REQUIRED' ? 'NOT_IMPLEMENTED' : null,
  description,
  dueDate: '2026-06-08',
  version: 1,
  createdAt: AT,
  updatedAt: AT,
});

const evidence = (n: number, sha256: string, fileName: string, more: Partial<Evidence>): Evidence => ({
  id: uuid(n),
  validationId: VALIDATION_ID,
  criterionId: null,
  findingId: null,
  sha256,
  fileName,
  mediaType: 'image/jpeg',
  sizeBytes: 123_456,
  caption: '',
  observedRemotely: false,
  hasThumbnail: true,
  createdAt: AT,
  ...more,
});

/** Results: 4.1 and 9.6 Deficient, 2.4 Deficient (a Should), 1.3 Not applicable, 12.8 unanswered, the rest Compliant. */
export function reportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const validation: Validation = {
    id: VALIDATION_ID,
    memberId: uuid(1),
    entityType: 'IMP',
    mode: 'IN_PERSON',
    catalogEditionId: edition.id,
    status: 'SUBMITTED',
    scheduledDate: '2026-03-10',
    createdAt: AT,
    updatedAt: AT,
    submittedAt: '2026-03-12T18:30:00.000Z',
    submittedBy: 'Dana Ruiz (Supply Chain Security Specialist)',
    signedByName: 'Dana Ruiz',
    contentSha256: 'd'.repeat(64),
    reopenedAt: null,
    reopenReason: null,
  };
  const resultFor = (id: string): CriterionResponse['result'] | undefined =>
    ['4.1', '9.6', '2.4'].includes(id)
      ? 'DEFICIENT'
      : id === '1.3'
        ? 'NOT_APPLICABLE'
        : id === '12.8'
          ? undefined
          : 'COMPLIANT';
  const responses: CriterionResponse[] = IMP_CRITERIA.flatMap((c) => {
    const result = resultFor(c.id);
    if (result === undefined) return [];
    return [
      {
        validationId: VALIDATION_ID,
        criterionId: c.id,
        result,
        notes: c.id === '4.1' ? 'NOTE-SECRET: shared logins seen on the warehouse terminals.' : '',
        siteId: uuid(201),
        verificationMethods: ['OBSERVED_ON_SITE'],
        naJustification: c.id === '1.3' ? 'NA-SECRET: no such operation.' : '',
        version: 1,
        updatedAt: AT,
        updatedBy: 'test.scss',
      },
    ];
  });
  return {
    validation,
    member: {
      legalName: 'Gulf Coast Home Goods',
      accountNumber: 'IMP-1001',
      city: 'Houston, TX',
      country: 'United States',
    },
    edition,
    responses,
    // Deliberately out of order: the report sorts them.
    findings: [
      finding(FINDING_IDS.rec24, '2.4', 'RECOMMENDATION', 'Review the risk assessment every year.'),
      finding(FINDING_IDS.ar96, '9.6', 'ACTION_REQUIRED', 'The east fence has a gap behind dock 4.'),
      finding(FINDING_IDS.ar41, '4.1', 'ACTION_REQUIRED', 'Unique logins are not enforced <script>alert(1)</script>.'),
    ],
    observations: [
      {
        id: uuid(301),
        validationId: VALIDATION_ID,
        category: 10,
        text: 'Badge audits every week.',
        createdAt: AT,
        updatedAt: AT,
      },
    ],
    sites: [
      {
        id: uuid(201),
        validationId: VALIDATION_ID,
        name: 'Houston distribution center',
        address: '1200 Port Rd, Houston, TX',
        siteType: 'DISTRIBUTION_CENTER',
        visitDate: '2026-03-10',
        createdAt: AT,
        updatedAt: AT,
      },
    ],
    evidence: [
      evidence(401, SHA.findingPhoto, 'fence-gap.jpg', {
        findingId: FINDING_IDS.ar96,
        criterionId: '9.6',
        caption: 'Gap in the east fence',
      }),
      evidence(402, SHA.criterionPhoto, 'terminal.jpg', { criterionId: '4.1' }),
      evidence(403, SHA.procedure, 'procedure-SECRET.pdf', {
        criterionId: '7.1',
        mediaType: 'application/pdf',
        observedRemotely: true,
      }),
    ],
    checklists: [
      {
        id: uuid(501),
        validationId: VALIDATION_ID,
        criterionId: '6.7',
        kind: 'SEAL_VVTT',
        label: 'CHECKLIST-SECRET seal 778812',
        refrigerated: false,
        items: [
          { key: 'view', status: 'PASS', note: '' },
          { key: 'verify', status: 'FAIL', note: 'Number mismatch' },
        ],
        createdAt: AT,
        updatedAt: AT,
      },
    ],
    virtualSessions: [
      {
        id: uuid(601),
        validationId: VALIDATION_ID,
        platform: 'SESSION-SECRET Teams',
        startedAt: '2026-03-11T14:00:00.000Z',
        endedAt: '2026-03-11T15:00:00.000Z',
        participants: [{ name: 'Lee Chen', role: 'COMPANY_POINT_OF_CONTACT', organization: 'Gulf Coast Home Goods' }],
        documents: [],
        segments: [],
        createdAt: AT,
        updatedAt: AT,
      },
    ],
    reviews: [
      {
        validationId: VALIDATION_ID,
        findingId: FINDING_IDS.ar41,
        decision: 'CONCUR',
        comment: 'REVIEW-SECRET agreed.',
        proposedClassification: null,
        reviewedAt: '2026-03-13T10:00:00.000Z',
        reviewedBy: 'Reviewer SECRET',
        version: 1,
      },
    ],
    history: [{ kind: 'SUBMIT', at: '2026-03-12T18:30:00.000Z', actorName: 'Dana Ruiz', comment: 'HISTORY-SECRET' }],
    deficiencyReasons: DEFAULT_SETTINGS.deficiencyReasons,
    scssName: 'Dana Ruiz',
    fieldOffice: 'Houston',
    workflowState: 'APPROVED',
    reportDate: '2026-03-20',
    responseDueDate: '2026-06-18',
    evidenceAttachedBy: { [uuid(401)]: 'Attacher SECRET' },
    fingerprintMatches: true,
    ...overrides,
  };
}
