import { describe, expect, it } from 'vitest';
import {
  formToRequest,
  holdsSameContent,
  planSessionSave,
  type SessionFormValues,
  sessionToForm,
} from '../../renderer/src/screens/inspections/session-form';
import { visibleErrors, withoutEntry } from '../../renderer/src/screens/inspections/session-form-state';
import type { VirtualSession } from '../../shared/domain/field-work';

// What the session log's autosave sends for what is on screen: the fields that pass, never a half-made session.
const VALIDATION = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const SESSION = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const AT = '2026-12-01T20:00:00.000Z';
const worksheet = new Set(['5.3', '6.7']);

const filled: SessionFormValues = {
  platformChoice: 'Microsoft Teams',
  platformOther: '',
  startedAt: '2026-12-01T14:00',
  endedAt: '2026-12-01T16:30',
  participants: [
    { name: 'Dana Ruiz', role: 'CBP_SCSS', organization: 'CBP Houston Field Office' },
    { name: 'Lee Chen', role: 'COMPANY_POINT_OF_CONTACT', organization: 'Gulf Coast Home Goods' },
  ],
  documents: [{ title: 'Seal log', requestedAt: '2026-11-20', receivedAt: '2026-11-28' }],
  segments: [{ time: '14:40', area: 'Loading dock 3', criteria: '5.3, 6.7', note: 'Live inspection' }],
};

function storedAs(form: SessionFormValues): VirtualSession {
  const { validationId: _v, id: _id, ...content } = formToRequest(form, VALIDATION, SESSION);
  return { id: SESSION, validationId: VALIDATION, ...content, createdAt: AT, updatedAt: AT };
}

const plan = (form: SessionFormValues, stored?: VirtualSession) =>
  planSessionSave(form, { validationId: VALIDATION, id: SESSION, stored, criterionIds: worksheet });

describe('planSessionSave', () => {
  it('sends everything when nothing is refused, under the id chosen before the first save', () => {
    const result = plan(filled);
    expect(result.errors).toEqual({});
    expect(result.blocker).toBeNull();
    expect(result.request).toEqual(formToRequest(filled, VALIDATION, SESSION));
  });

  it('stores nothing for a new session until it has a platform, and says so', () => {
    const result = plan({ ...filled, platformChoice: '' });
    expect(result.request).toBeNull();
    expect(result.blocker).toBe('choose the video platform; the session is saved as soon as it has one.');
    expect(result.errors.platformChoice).toBe('Choose the video platform.');
  });

  it('keeps the stored platform while "Other" has no name yet, and saves the rest', () => {
    const stored = storedAs(filled);
    const result = plan({ ...filled, platformChoice: 'OTHER', documents: [] }, stored);
    expect(result.errors).toEqual({ platformOther: 'Name the platform.' });
    expect(result.request?.platform).toBe('Microsoft Teams');
    expect(result.request?.documents).toEqual([]);
  });

  it('keeps the stored start and end while the end is before the start, and saves the rest', () => {
    const stored = storedAs(filled);
    const result = plan(
      { ...filled, endedAt: '2026-12-01T13:30', participants: filled.participants.slice(0, 1) },
      stored,
    );
    expect(result.errors).toEqual({ endedAt: 'The end must be after the start.' });
    expect(result.request?.startedAt).toBe(stored.startedAt);
    expect(result.request?.endedAt).toBe(stored.endedAt);
    expect(result.request?.participants.map((p) => p.name)).toEqual(['Dana Ruiz']);
  });

  it('a new session with its end before its start is stored without times, the rest saved', () => {
    const result = plan({ ...filled, endedAt: '2026-12-01T13:30', segments: [] });
    expect(result.request?.startedAt).toBeNull();
    expect(result.request?.endedAt).toBeNull();
    expect(result.request?.participants).toHaveLength(2);
  });

  it('holds back an entry with a refused field until it is fixed; the other entries save', () => {
    const result = plan({
      ...filled,
      participants: [...filled.participants.slice(0, 1), { name: ' ', role: 'OTHER', organization: 'Typed first' }],
      documents: [{ title: 'Photos', requestedAt: '2026-11-20', receivedAt: '2026-11-19' }],
      segments: [...filled.segments, { time: '15:00', area: 'Gate', criteria: '6.3', note: '' }],
    });
    expect(result.errors).toEqual({
      'participants.1.name': 'Enter the participant’s name.',
      'documents.0.receivedAt': 'The received date is before the requested date.',
      'segments.1.criteria': '6.3 is not on this worksheet. Use criterion IDs such as 5.3, separated by commas.',
    });
    expect(result.request?.participants.map((p) => p.name)).toEqual(['Dana Ruiz']);
    expect(result.request?.documents).toEqual([]);
    expect(result.request?.segments.map((s) => s.area)).toEqual(['Loading dock 3']);
  });

  it('asks for the start at a tour segment typed before it, and holds the segment back', () => {
    const result = plan({ ...filled, startedAt: '', endedAt: '' });
    expect(result.errors).toEqual({
      'segments.0.time': 'Enter the session start first: tour times are on the session’s date.',
    });
    expect(result.request?.segments).toEqual([]);
    expect(result.request?.participants).toHaveLength(2);
  });

  it('tells a save that would change nothing from one that would', () => {
    const stored = storedAs(filled);
    const same = plan(sessionToForm(stored), stored).request;
    expect(same && holdsSameContent(same, stored)).toBe(true);
    const changed = plan({ ...sessionToForm(stored), platformChoice: 'Zoom' }, stored).request;
    expect(changed && holdsSameContent(changed, stored)).toBe(false);
    expect(holdsSameContent(formToRequest(filled, VALIDATION, SESSION), undefined)).toBe(false);
  });
});

describe('which refused fields the form shows', () => {
  const errors = {
    endedAt: 'The end must be after the start.',
    'participants.1.name': 'Enter the participant’s name.',
    'segments.0.area': 'Describe the area shown.',
  };

  it('shows a refusal once the SCSS has worked on its field or a field judged with it', () => {
    expect(visibleErrors(errors, new Set())).toEqual({});
    expect(visibleErrors(errors, new Set(['startedAt', 'participants.1.organization']))).toEqual({
      endedAt: 'The end must be after the start.',
      'participants.1.name': 'Enter the participant’s name.',
    });
    expect(visibleErrors(errors, new Set(['participants.0.name']))).toEqual({});
  });

  it('forgets a removed entry and moves the later ones up', () => {
    const worked = new Set([
      'startedAt',
      'participants.0.name',
      'participants.1.name',
      'participants.2.role',
      'documents.1.title',
    ]);
    expect([...withoutEntry(worked, 'participants', 1)].sort()).toEqual([
      'documents.1.title',
      'participants.0.name',
      'participants.1.role',
      'startedAt',
    ]);
  });
});
