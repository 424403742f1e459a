import { describe, expect, it } from 'vitest';
import { formToRequest, sessionFormSchema, sessionToForm } from '../../renderer/src/screens/inspections/session-form';
import { checklistItemsFor } from '../../shared/catalog/checklists';
import type { ChecklistItemStatus, ChecklistKind, InspectionChecklist } from '../../shared/domain/field-work';
import {
  checklistLabels,
  checklistProblems,
  checklistProgress,
  failedChecklistItemProblems,
  virtualSessionProblems,
} from '../../shared/domain/inspection-rules';

const VALIDATION = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const AT = '2026-03-10T14:00:00.000Z';
let nextId = 0;

function checklist(
  criterionId: string,
  kind: ChecklistKind,
  options: { label?: string; refrigerated?: boolean; status?: (key: string) => ChecklistItemStatus | null } = {},
): InspectionChecklist {
  nextId += 1;
  const refrigerated = options.refrigerated ?? false;
  return {
    id: `00000000-0000-4000-8000-${String(nextId).padStart(12, '0')}`,
    validationId: VALIDATION,
    criterionId,
    kind,
    label: options.label ?? '',
    refrigerated,
    items: checklistItemsFor(kind, refrigerated).map((item) => ({
      key: item.key,
      status: options.status ? options.status(item.key) : 'PASS',
      note: '',
    })),
    createdAt: AT,
    updatedAt: AT,
  };
}

const CRITERIA = [
  { id: '5.2' },
  { id: '5.3', checklists: ['CONTAINER_7_POINT', 'TRACTOR_TRAILER_17_POINT'] as ChecklistKind[] },
  { id: '6.7', checklists: ['SEAL_VVTT'] as ChecklistKind[] },
];
const compliant = (...ids: string[]) => ids.map((criterionId) => ({ criterionId, result: 'COMPLIANT' as const }));

describe('checklistLabels', () => {
  it('numbers unlabelled inspections of one name under one criterion, and keeps the labels typed', () => {
    const [truckA, truckB, labelled, container, seal] = [
      checklist('5.3', 'TRACTOR_TRAILER_17_POINT'),
      checklist('5.3', 'TRACTOR_TRAILER_17_POINT'),
      checklist('5.3', 'TRACTOR_TRAILER_17_POINT', { label: 'TRK-4471' }),
      checklist('5.3', 'CONTAINER_7_POINT'),
      checklist('6.7', 'SEAL_VVTT'),
    ];
    const labels = checklistLabels([truckA, truckB, labelled, container, seal].filter((c) => c !== undefined));
    expect([truckA, truckB, labelled, container, seal].map((c) => labels.get(c?.id ?? ''))).toEqual([
      '1',
      '2',
      'TRK-4471',
      '',
      '',
    ]);
  });

  it('tells two unlabelled inspections apart in the problems, instead of two identical lines', () => {
    const notRecorded = () => null;
    const problems = checklistProblems(CRITERIA, compliant('5.3'), [
      checklist('5.3', 'TRACTOR_TRAILER_17_POINT', { status: notRecorded }),
      checklist('5.3', 'TRACTOR_TRAILER_17_POINT', { status: notRecorded }),
    ]);
    expect(problems.map((p) => p.message.slice(0, 48))).toEqual([
      '5.3: the 17-point tractor/trailer inspection "1"',
      '5.3: the 17-point tractor/trailer inspection "2"',
    ]);
  });
});

describe('checklistProblems', () => {
  it('asks for a checklist on each Compliant criterion that calls for one', () => {
    expect(checklistProblems(CRITERIA, compliant('5.2', '5.3', '6.7'), [])).toMatchObject([
      {
        criterionId: '5.3',
        message: '5.3 is marked Compliant but no container inspection or tractor/trailer inspection is recorded.',
      },
      { criterionId: '6.7', message: '6.7 is marked Compliant but no VVTT seal check is recorded.' },
    ]);
  });

  it('accepts either kind for 5.3 (containers or trucks) and the VVTT check for 6.7', () => {
    expect(
      checklistProblems(CRITERIA, compliant('5.3', '6.7'), [
        checklist('5.3', 'TRACTOR_TRAILER_17_POINT'),
        checklist('6.7', 'SEAL_VVTT'),
      ]),
    ).toEqual([]);
    expect(
      checklistProblems(CRITERIA, compliant('5.3'), [checklist('5.3', 'CONTAINER_7_POINT', { refrigerated: true })]),
    ).toEqual([]);
  });

  it('does not count a checklist recorded under another criterion', () => {
    const problems = checklistProblems(CRITERIA, compliant('6.7'), [checklist('5.3', 'SEAL_VVTT')]);
    expect(problems.map((p) => p.criterionId)).toEqual(['6.7']);
  });

  it('names each inspection with items left blank, and which items', () => {
    const problems = checklistProblems(CRITERIA, compliant('5.3'), [
      checklist('5.3', 'CONTAINER_7_POINT', { label: 'MSKU 123456-7' }),
      checklist('5.3', 'CONTAINER_7_POINT', {
        label: 'TGHU 765432-1',
        refrigerated: true,
        status: (key) => (key === 'floor' || key === 'fan-housing' ? null : 'FAIL'),
      }),
    ]);
    expect(problems).toMatchObject([
      {
        criterionId: '5.3',
        message:
          '5.3: the 8-point container inspection "TGHU 765432-1" has 2 of 8 items not recorded (Floor, Fan housing (refrigerated units)).',
      },
    ]);
  });

  it('checks only Compliant answers: Deficient, N/A and unanswered criteria are left to other rules', () => {
    const blank = checklist('6.7', 'SEAL_VVTT', { status: () => null });
    for (const result of ['DEFICIENT', 'NOT_APPLICABLE', 'NOT_VERIFIED', null] as const) {
      expect(checklistProblems(CRITERIA, [{ criterionId: '6.7', result }], [blank])).toEqual([]);
    }
    expect(checklistProblems(CRITERIA, [], [blank])).toEqual([]);
    expect(checklistProblems(CRITERIA, compliant('6.7'), [blank])).toHaveLength(1);
  });
});

describe('checklistProgress', () => {
  it('counts recorded items out of those that apply (8 for refrigerated containers)', () => {
    const c = checklist('5.3', 'CONTAINER_7_POINT', {
      refrigerated: true,
      status: (key) => (key === 'front-wall' ? 'PASS' : key === 'floor' ? 'NOT_APPLICABLE' : null),
    });
    expect(checklistProgress(c)).toEqual({ recorded: 2, total: 8 });
    expect(checklistProgress(checklist('5.3', 'TRACTOR_TRAILER_17_POINT'))).toEqual({ recorded: 17, total: 17 });
  });
});

describe('virtualSessionProblems', () => {
  const complete = {
    platform: 'Zoom',
    startedAt: '2026-03-10T14:00:00.000Z',
    endedAt: '2026-03-10T15:00:00.000Z',
    participants: [{ name: 'Dana Ruiz', role: 'CBP_SCSS' as const, organization: 'CBP' }],
  };

  it('has nothing to say about in-person validations', () => {
    expect(virtualSessionProblems('IN_PERSON', [])).toEqual([]);
  });

  it('asks a virtual validation for a session log', () => {
    expect(virtualSessionProblems('VIRTUAL', []).map((p) => p.message)).toEqual([
      'No virtual session is logged: record the platform, the start and end, and the participants.',
    ]);
  });

  it('accepts a session with platform, start, end and participants', () => {
    expect(virtualSessionProblems('VIRTUAL', [complete])).toEqual([]);
  });

  it('names what a session is missing', () => {
    expect(virtualSessionProblems('VIRTUAL', [{ ...complete, endedAt: null }]).map((p) => p.message)).toEqual([
      'The session has no end recorded.',
    ]);
    expect(
      virtualSessionProblems('VIRTUAL', [
        complete,
        { ...complete, platform: 'Webex', startedAt: null, endedAt: null },
      ]).map((p) => p.message),
    ).toEqual(['Session 2 (Webex) has no start or end recorded.']);
    expect(virtualSessionProblems('VIRTUAL', [{ ...complete, participants: [] }]).map((p) => p.message)).toEqual([
      'No participants are recorded in the virtual session log.',
    ]);
  });
});

// The renderer's session-log form: what it sends for what the SCSS typed (local wall time → UTC).
describe('virtual session form conversion', () => {
  const worksheet = new Set(['5.3', '6.7']);
  const filled = {
    platformChoice: 'OTHER',
    platformOther: ' Google Meet ',
    startedAt: '2026-12-01T23:30',
    endedAt: '2026-12-02T01:00',
    participants: [{ name: 'Dana Ruiz', role: 'CBP_SCSS' as const, organization: 'CBP' }],
    documents: [{ title: 'Seal log', requestedAt: '2026-11-20', receivedAt: '' }],
    segments: [
      { time: '23:45', area: 'Gate', criteria: '5.3', note: '' },
      { time: '00:20', area: 'Yard', criteria: '5.3 6.7, 6.7', note: 'After midnight' },
    ],
  };

  it('stores local times as UTC instants, tour times on the session date (the next day after midnight)', () => {
    const request = formToRequest(filled, VALIDATION, undefined);
    expect(request.platform).toBe('Google Meet');
    expect(request.startedAt).toBe(new Date(2026, 11, 1, 23, 30).toISOString());
    expect(request.endedAt).toBe(new Date(2026, 11, 2, 1, 0).toISOString());
    expect(request.segments.map((s) => s.at)).toEqual([
      new Date(2026, 11, 1, 23, 45).toISOString(),
      new Date(2026, 11, 2, 0, 20).toISOString(),
    ]);
    expect(request.segments[1]?.criterionIds).toEqual(['5.3', '6.7']);
    expect(request.documents).toEqual([{ title: 'Seal log', requestedAt: '2026-11-20', receivedAt: null }]);
  });

  it('round-trips a saved session back into the form', () => {
    const request = formToRequest(filled, VALIDATION, undefined);
    const session = { ...request, id: VALIDATION, validationId: VALIDATION, createdAt: AT, updatedAt: AT };
    const form = sessionToForm(session as Parameters<typeof sessionToForm>[0]);
    expect(form.platformChoice).toBe('OTHER');
    expect(form.platformOther).toBe('Google Meet');
    expect(form.startedAt).toBe('2026-12-01T23:30');
    expect(form.segments.map((s) => [s.time, s.criteria])).toEqual([
      ['23:45', '5.3'],
      ['00:20', '5.3, 6.7'],
    ]);
  });

  it('names each problem on its field', () => {
    const result = sessionFormSchema(worksheet).safeParse({
      ...filled,
      platformChoice: '',
      endedAt: '2026-12-01T22:00',
      documents: [{ title: 'Seal log', requestedAt: '2026-11-20', receivedAt: '2026-11-19' }],
      segments: [{ time: '', area: ' ', criteria: '5.3, 4.99', note: '' }],
    });
    expect(result.success).toBe(false);
    const byPath = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byPath).toEqual({
      platformChoice: 'Choose the video platform.',
      endedAt: 'The end must be after the start.',
      'documents.0.receivedAt': 'The received date is before the requested date.',
      'segments.0.time': 'Enter the time of this part of the tour.',
      'segments.0.area': 'Describe the area shown.',
      'segments.0.criteria': '4.99 is not on this worksheet. Use criterion IDs such as 5.3, separated by commas.',
    });
    expect(sessionFormSchema(worksheet).safeParse(filled).success).toBe(true);
  });
});

describe('failedChecklistItemProblems', () => {
  const failFloor = (key: string): ChecklistItemStatus => (key === 'floor' ? 'FAIL' : 'PASS');
  const withNote = (c: InspectionChecklist, key: string, note: string): InspectionChecklist => ({
    ...c,
    items: c.items.map((item) => (item.key === key ? { ...item, note } : item)),
  });

  it('flags a Compliant 5.3 whose container failed an item with no note, naming the item and the way out', () => {
    const failed = checklist('5.3', 'CONTAINER_7_POINT', { label: 'MSCU 123456-7', status: failFloor });
    expect(failedChecklistItemProblems(compliant('5.3'), [failed])).toMatchObject([
      {
        criterionId: '5.3',
        message:
          '5.3 is marked Compliant but its 7-point container inspection "MSCU 123456-7" failed an item (Floor). ' +
          "Change the result to Deficient, or write in the failed item's note why 5.3 is still compliant.",
      },
    ]);
  });

  it('is resolved by a note on the failed item or by a result other than Compliant', () => {
    const failed = checklist('5.3', 'CONTAINER_7_POINT', { status: failFloor });
    expect(failedChecklistItemProblems(compliant('5.3'), [withNote(failed, 'floor', 'Container rejected')])).toEqual(
      [],
    );
    expect(failedChecklistItemProblems(compliant('5.3'), [withNote(failed, 'floor', '   ')])).toHaveLength(1);
    expect(failedChecklistItemProblems([{ criterionId: '5.3', result: 'DEFICIENT' }], [failed])).toEqual([]);
    expect(failedChecklistItemProblems([{ criterionId: '5.3', result: null }], [failed])).toEqual([]);
  });

  it('counts every unexplained failure of one inspection in one problem and checks each inspection', () => {
    const twoFailed = checklist('5.3', 'TRACTOR_TRAILER_17_POINT', {
      status: (key) => (key === 'tractor-battery-box' || key === 'tractor-fuel-tanks' ? 'FAIL' : 'PASS'),
    });
    const passed = checklist('5.3', 'CONTAINER_7_POINT');
    const seal = checklist('6.7', 'SEAL_VVTT', { status: (key) => (key === 'tug' ? 'FAIL' : 'PASS') });
    const problems = failedChecklistItemProblems(compliant('5.3', '6.7'), [twoFailed, passed, seal]);
    expect(problems.map((p) => p.criterionId)).toEqual(['5.3', '6.7']);
    expect(problems[0]?.message).toContain('failed 2 items (Battery box, Fuel tanks)');
  });

  it('ignores a failed fan-housing item on a container that is not refrigerated (it does not apply)', () => {
    const dry = checklist('5.3', 'CONTAINER_7_POINT');
    const stale = { ...dry, items: [...dry.items, { key: 'fan-housing', status: 'FAIL' as const, note: '' }] };
    expect(failedChecklistItemProblems(compliant('5.3'), [stale])).toEqual([]);
  });
});
