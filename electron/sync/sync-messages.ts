import { type MessageKey, type MessageRef, MessageRefSchema } from '../../shared/messages';
import { recogniseMessage } from '../../shared/messages/recognise';

/** The messages the sync engine, its transport and its steps write for the status line. */
const SYNC_KEYS: readonly MessageKey[] = [
  'sync.needsEnrolment',
  'sync.unreachable',
  'sync.unreachableNoDetail',
  'sync.noAnswerWithin',
  'sync.answeredStatus',
  'sync.noReceipts',
  'sync.notUnderstood',
  'sync.pullNotUnderstood',
  'sync.policyNotUnderstood',
  'sync.cursorStuck',
  'sync.tooManyPages',
  'sync.unanswered',
  'sync.evidenceWaiting',
  'sync.reviewEvidenceWaiting',
  'evidenceUpload.tokenRefused',
  'hqEvidence.tokenMissing',
];

/**
 * A sync error's text by key: one of ours read back from its English, or HQ's own words as they are (an
 * ApiError's message, which HQ writes in English).
 */
export function syncMessageOf(text: string): MessageRef {
  return recogniseMessage(text, SYNC_KEYS) ?? { key: 'sync.hqSaid', params: { text } };
}

/** The stored key of the status line's error, or its English read back when it was stored before keys were kept. */
export function storedSyncMessage(english: string | null, json: string | null): MessageRef | undefined {
  if (english === null) return undefined;
  if (json !== null) {
    try {
      const parsed = MessageRefSchema.safeParse(JSON.parse(json));
      if (parsed.success) return parsed.data;
    } catch {
      /* fall back to reading the English */
    }
  }
  return recogniseMessage(english, SYNC_KEYS) ?? undefined;
}

/** Refusals of evidence files and changes set aside on this computer, read back from the English stored with them. */
const REFUSAL_KEYS: readonly MessageKey[] = [
  'syncRefusal.keptFailing',
  'syncRefusal.wholeRequest',
  'syncRefusal.entityNotTaken',
  'syncRefusal.operationNotTaken',
  'syncRefusal.fieldInvalid',
  'evidenceUpload.checksum',
  'evidenceUpload.localDamaged',
  'evidenceUpload.localMissing',
  'evidenceUpload.refused',
  'evidenceUpload.unreachable',
  'evidenceUpload.busy',
  'evidenceUpload.partialGone',
  'evidenceUpload.tokenRefused',
];

/** HQ's own refusals of an upload, which it writes from the catalog's English. */
const HQ_EVIDENCE_KEYS: readonly MessageKey[] = [
  'hqEvidence.notReferenced',
  'hqEvidence.sizeMismatch',
  'hqEvidence.checksum',
  'hqEvidence.noSuchUpload',
  'hqEvidence.noSuchFile',
  'hqEvidence.tokenMissing',
  'hqEvidence.tryLater',
];

/**
 * A reason stored as English (a refused evidence file, a change set aside here) by key, so it reads in the
 * interface's language; HQ's words inside it by key too when HQ wrote them from the catalog. Null when the
 * text is none of these (it is shown as stored).
 */
export function storedRefusalOf(text: string): MessageRef | null {
  const ref = recogniseMessage(text, REFUSAL_KEYS);
  if (!ref) return null;
  const hq = ref.params?.hq;
  if (ref.key === 'evidenceUpload.refused' && typeof hq === 'string') {
    const said = recogniseMessage(hq, HQ_EVIDENCE_KEYS);
    if (said) return { key: 'evidenceUpload.refusedBecause', params: { ...ref.params, reason: [said] } };
  }
  return ref;
}
