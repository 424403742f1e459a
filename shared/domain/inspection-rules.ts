import { CHECKLIST_DEFINITIONS, checklistItemsFor } from '../catalog/checklists';
import type { ChecklistKind, InspectionChecklist, VirtualSession } from './field-work';
import type { ResponseResult, ValidationMode } from './validation';

/** Short names used in messages: "no container or tractor/trailer inspection is recorded". */
export const CHECKLIST_SHORT_NAMES: Record<ChecklistKind, string> = {
  CONTAINER_7_POINT: 'container inspection',
  TRACTOR_TRAILER_17_POINT: 'tractor/trailer inspection',
  SEAL_VVTT: 'VVTT seal check',
};

export type ChecklistProblem = { criterionId: string; message: string };

/** "7-point container inspection" (8-point when refrigerated), "17-point tractor/trailer inspection", "VVTT seal check". */
export function checklistName(kind: ChecklistKind, refrigerated: boolean): string {
  if (kind === 'CONTAINER_7_POINT') return `${refrigerated ? '8' : '7'}-point container inspection`;
  if (kind === 'TRACTOR_TRAILER_17_POINT') return '17-point tractor/trailer inspection';
  return CHECKLIST_SHORT_NAMES[kind];
}

/** How many items of a recorded checklist have a status, out of the items that apply to it. */
export function checklistProgress(checklist: Pick<InspectionChecklist, 'kind' | 'refrigerated' | 'items'>): {
  recorded: number;
  total: number;
} {
  const keys = checklistItemsFor(checklist.kind, checklist.refrigerated).map((item) => item.key);
  const statusByKey = new Map(checklist.items.map((item) => [item.key, item.status]));
  return { recorded: keys.filter((key) => (statusByKey.get(key) ?? null) !== null).length, total: keys.length };
}

/**
 * A criterion marked Compliant that calls for an inspection checklist must show one, fully recorded.
 * Either kind a criterion lists satisfies it (5.3: containers or trucks); 6.7 needs its VVTT check.
 * Criteria with any other result, or no result, are not checked here.
 */
export function checklistProblems(
  criteria: ReadonlyArray<{ id: string; checklists?: readonly ChecklistKind[] | undefined }>,
  responses: ReadonlyArray<{ criterionId: string; result: ResponseResult | null }>,
  checklists: ReadonlyArray<InspectionChecklist>,
): ChecklistProblem[] {
  const resultById = new Map(responses.map((r) => [r.criterionId, r.result]));
  const problems: ChecklistProblem[] = [];
  for (const criterion of criteria) {
    const kinds = criterion.checklists ?? [];
    if (kinds.length === 0 || resultById.get(criterion.id) !== 'COMPLIANT') continue;
    const recorded = checklists.filter((c) => c.criterionId === criterion.id && kinds.includes(c.kind));
    if (recorded.length === 0) {
      const names = kinds.map((kind) => CHECKLIST_SHORT_NAMES[kind]).join(' or ');
      problems.push({
        criterionId: criterion.id,
        message: `${criterion.id} is marked Compliant but no ${names} is recorded.`,
      });
      continue;
    }
    for (const checklist of recorded) {
      const labels = new Map(CHECKLIST_DEFINITIONS[checklist.kind].items.map((item) => [item.key, item.label]));
      const statusByKey = new Map(checklist.items.map((item) => [item.key, item.status]));
      const missing = checklistItemsFor(checklist.kind, checklist.refrigerated).filter(
        (item) => (statusByKey.get(item.key) ?? null) === null,
      );
      if (missing.length === 0) continue;
      const { total } = checklistProgress(checklist);
      const which = checklist.label.trim() ? ` "${checklist.label.trim()}"` : '';
      problems.push({
        criterionId: criterion.id,
        message:
          `${criterion.id}: the ${checklistName(checklist.kind, checklist.refrigerated)}${which} has ` +
          `${missing.length} of ${total} items not recorded (${missing.map((m) => labels.get(m.key) ?? m.key).join(', ')}).`,
      });
    }
  }
  return problems;
}

/**
 * A virtual validation needs its session log: at least one session, every session with its start and
 * end, and the participants who attended. In-person validations have nothing to check.
 */
export function virtualSessionProblems(
  mode: ValidationMode,
  sessions: ReadonlyArray<Pick<VirtualSession, 'platform' | 'startedAt' | 'endedAt' | 'participants'>>,
): string[] {
  if (mode !== 'VIRTUAL') return [];
  if (sessions.length === 0) {
    return ['No virtual session is logged: record the platform, the start and end, and the participants.'];
  }
  const problems: string[] = [];
  sessions.forEach((session, index) => {
    const name = sessions.length > 1 ? `Session ${index + 1} (${session.platform || 'no platform'})` : 'The session';
    const missing = [
      session.platform.trim() ? null : 'platform',
      session.startedAt ? null : 'start',
      session.endedAt ? null : 'end',
    ].filter((m): m is string => m !== null);
    if (missing.length > 0) problems.push(`${name} has no ${joinWords(missing)} recorded.`);
  });
  if (sessions.every((session) => session.participants.length === 0)) {
    problems.push('No participants are recorded in the virtual session log.');
  }
  return problems;
}

const joinWords = (words: string[]): string =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;

/**
 * A criterion marked Compliant whose own inspection failed an item contradicts itself (5.3 with a container
 * whose floor failed). The SCSS resolves it by changing the result, or by writing in that item's note why the
 * criterion is still compliant (the container was rejected, as the Member's procedure requires). Only failed
 * items with an empty note are problems; any result other than Compliant is not checked here.
 */
export function failedChecklistItemProblems(
  responses: ReadonlyArray<{ criterionId: string; result: ResponseResult | null }>,
  checklists: ReadonlyArray<InspectionChecklist>,
): ChecklistProblem[] {
  const compliant = new Set(responses.filter((r) => r.result === 'COMPLIANT').map((r) => r.criterionId));
  const problems: ChecklistProblem[] = [];
  for (const checklist of checklists) {
    if (!compliant.has(checklist.criterionId)) continue;
    const applicable = new Set(checklistItemsFor(checklist.kind, checklist.refrigerated).map((item) => item.key));
    const labels = new Map(CHECKLIST_DEFINITIONS[checklist.kind].items.map((item) => [item.key, item.label]));
    const unexplained = checklist.items.filter(
      (item) => applicable.has(item.key) && item.status === 'FAIL' && item.note.trim() === '',
    );
    if (unexplained.length === 0) continue;
    const which = checklist.label.trim() ? ` "${checklist.label.trim()}"` : '';
    const items = unexplained.map((item) => labels.get(item.key) ?? item.key).join(', ');
    problems.push({
      criterionId: checklist.criterionId,
      message:
        `${checklist.criterionId} is marked Compliant but its ${checklistName(checklist.kind, checklist.refrigerated)}` +
        `${which} failed ${unexplained.length === 1 ? 'an item' : `${unexplained.length} items`} (${items}). ` +
        `Change the result to Deficient, or write in the failed item's note why ${checklist.criterionId} is still compliant.`,
    });
  }
  return problems;
}
