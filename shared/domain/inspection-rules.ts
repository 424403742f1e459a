import { checklistItemsFor } from '../catalog/checklists';
import { type Message, type MessageRef, message } from '../messages';
import { messages } from '../messages/en';
import type { ChecklistKind, InspectionChecklist, VirtualSession } from './field-work';
import type { ResponseResult, ValidationMode } from './validation';

/** Short names used in messages: "no container or tractor/trailer inspection is recorded". */
export const CHECKLIST_SHORT_NAMES: Record<ChecklistKind, string> = messages.words.checklistShort;

export type ChecklistProblem = Message & { criterionId: string };

/** The checklist's name in messages: CONTAINER_8_POINT for a refrigerated container. */
export const checklistNameCode = (kind: ChecklistKind, refrigerated: boolean): string =>
  kind === 'CONTAINER_7_POINT' && refrigerated ? 'CONTAINER_8_POINT' : kind;

/** "7-point container inspection" (8-point when refrigerated), "17-point tractor/trailer inspection", "VVTT seal check". */
export function checklistName(kind: ChecklistKind, refrigerated: boolean): string {
  return messages.words.checklistName[
    checklistNameCode(kind, refrigerated) as keyof typeof messages.words.checklistName
  ];
}

/**
 * What tells each inspection from the others of its name under one criterion: the label the SCSS typed, else, when
 * two or more of that name have none, its number among that criterion's inspections of that name (1, 2, …, in the
 * order given). Without it, two unlabelled truck inspections read the same on screen and in every problem.
 */
export function checklistLabels(
  checklists: ReadonlyArray<Pick<InspectionChecklist, 'id' | 'criterionId' | 'kind' | 'refrigerated' | 'label'>>,
): Map<string, string> {
  const groups = new Map<string, Array<(typeof checklists)[number]>>();
  for (const checklist of checklists) {
    const key = `${checklist.criterionId}/${checklistNameCode(checklist.kind, checklist.refrigerated)}`;
    groups.set(key, [...(groups.get(key) ?? []), checklist]);
  }
  const labels = new Map<string, string>();
  for (const group of groups.values()) {
    const unlabelled = group.filter((c) => c.label.trim() === '').length;
    group.forEach((checklist, index) => {
      const typed = checklist.label.trim();
      labels.set(checklist.id, typed || (unlabelled > 1 ? String(index + 1) : ''));
    });
  }
  return labels;
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
  const labels = checklistLabels(checklists);
  const problems: ChecklistProblem[] = [];
  for (const criterion of criteria) {
    const kinds = criterion.checklists ?? [];
    if (kinds.length === 0 || resultById.get(criterion.id) !== 'COMPLIANT') continue;
    const recorded = checklists.filter((c) => c.criterionId === criterion.id && kinds.includes(c.kind));
    if (recorded.length === 0) {
      problems.push({
        criterionId: criterion.id,
        ...message('completeness.checklistMissing', { id: criterion.id, kinds: kinds.join(',') }),
      });
      continue;
    }
    for (const checklist of recorded) {
      const statusByKey = new Map(checklist.items.map((item) => [item.key, item.status]));
      const missing = checklistItemsFor(checklist.kind, checklist.refrigerated).filter(
        (item) => (statusByKey.get(item.key) ?? null) === null,
      );
      if (missing.length === 0) continue;
      const { total } = checklistProgress(checklist);
      problems.push({
        criterionId: criterion.id,
        ...message('completeness.checklistUnrecorded', {
          id: criterion.id,
          checklist: checklistNameCode(checklist.kind, checklist.refrigerated),
          label: labels.get(checklist.id) ?? '',
          missing: missing.length,
          total,
          items: missing.map((m) => m.key).join(','),
        }),
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
): Message[] {
  if (mode !== 'VIRTUAL') return [];
  if (sessions.length === 0) return [message('completeness.noSession')];
  const problems: Message[] = [];
  sessions.forEach((session, index) => {
    const name: MessageRef =
      sessions.length === 1
        ? { key: 'completeness.theSession' }
        : session.platform
          ? { key: 'completeness.numberedSession', params: { n: index + 1, platform: session.platform } }
          : { key: 'completeness.numberedSessionNoPlatform', params: { n: index + 1 } };
    const missing = [
      session.platform.trim() ? null : 'platform',
      session.startedAt ? null : 'start',
      session.endedAt ? null : 'end',
    ].filter((m): m is string => m !== null);
    if (missing.length > 0) {
      // platform, start → "platformStart": one sentence per combination, so each language joins the words itself.
      const which = missing.map((m, i) => (i === 0 ? m : `${m[0]?.toUpperCase()}${m.slice(1)}`)).join('');
      problems.push(message(`completeness.sessionMissing.${which as SessionMissing}`, { session: [name] }));
    }
  });
  if (sessions.every((session) => session.participants.length === 0)) {
    problems.push(message('completeness.noParticipants'));
  }
  return problems;
}

type SessionMissing = keyof typeof messages.completeness.sessionMissing;

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
  const labels = checklistLabels(checklists);
  const problems: ChecklistProblem[] = [];
  for (const checklist of checklists) {
    if (!compliant.has(checklist.criterionId)) continue;
    const applicable = new Set(checklistItemsFor(checklist.kind, checklist.refrigerated).map((item) => item.key));
    const unexplained = checklist.items.filter(
      (item) => applicable.has(item.key) && item.status === 'FAIL' && item.note.trim() === '',
    );
    if (unexplained.length === 0) continue;
    problems.push({
      criterionId: checklist.criterionId,
      ...message('completeness.checklistFailed', {
        id: checklist.criterionId,
        checklist: checklistNameCode(checklist.kind, checklist.refrigerated),
        label: labels.get(checklist.id) ?? '',
        count: unexplained.length,
        items: unexplained.map((item) => item.key).join(','),
      }),
    });
  }
  return problems;
}
