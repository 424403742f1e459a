import { describe, expect, it } from 'vitest';
import {
  type Actor,
  findingResolved,
  findingResponseDueDate,
  type LifecycleView,
  responseDueDate,
  responseOverdue,
  responseRequired,
  shownDueDate,
  stateAfter,
  transitionRefusal,
  type WorkflowState,
} from '../../shared/domain/lifecycle';

const OWNER: Actor = { userId: 'scss-1', role: 'SCSS', fieldOffice: 'Houston' };
const REVIEWER: Actor = { userId: 'rev-1', role: 'FIELD_OFFICE_REVIEWER', fieldOffice: 'Houston' };
const SUPERVISOR: Actor = { userId: 'sup-1', role: 'SUPERVISOR', fieldOffice: 'Houston' };

const view = (state: WorkflowState, findings: LifecycleView['findings'] = []): LifecycleView => ({
  state,
  ownerUserId: OWNER.userId,
  fieldOffice: 'Houston',
  findings,
});
const finding = (
  classification: 'ACTION_REQUIRED' | 'RECOMMENDATION',
  decision: LifecycleView['findings'][number]['decision'],
  resolved = false,
) => ({ id: `${classification}-${decision}-${resolved}`, classification, decision, resolved });

describe('validation lifecycle rules', () => {
  it('lets a supervisor approve only once every finding has a concurring decision', () => {
    const pending = view('IN_REVIEW', [finding('ACTION_REQUIRED', 'CONCUR'), finding('RECOMMENDATION', 'NON_CONCUR')]);
    expect(transitionRefusal(SUPERVISOR, pending, 'APPROVE')).toMatchObject({
      outcome: 'conflict',
      reason: expect.stringContaining('1 finding has no concurring review decision'),
    });
    const concurred = view('IN_REVIEW', [finding('ACTION_REQUIRED', 'CONCUR'), finding('RECOMMENDATION', 'CONCUR')]);
    expect(transitionRefusal(SUPERVISOR, concurred, 'APPROVE')).toBeNull();
  });

  it('never lets an SCSS approve, nor a supervisor approve a validation they performed', () => {
    const ready = view('IN_REVIEW');
    expect(transitionRefusal(OWNER, ready, 'APPROVE')?.outcome).toBe('forbidden');
    const ownWork = { ...ready, ownerUserId: SUPERVISOR.userId };
    expect(transitionRefusal(SUPERVISOR, ownWork, 'APPROVE')).toMatchObject({
      outcome: 'forbidden',
      reason: 'A supervisor cannot approve or issue a validation they performed',
    });
  });

  it('refuses a reviewer of another field office before looking at the state', () => {
    const miami = { ...REVIEWER, fieldOffice: 'Miami' };
    expect(transitionRefusal(miami, view('CLOSED'), 'RETURN')).toMatchObject({
      outcome: 'forbidden',
      reason: 'This validation belongs to another field office',
    });
  });

  it('refuses a transition out of order, naming the state the validation is in', () => {
    expect(transitionRefusal(SUPERVISOR, view('RETURNED'), 'ISSUE_REPORT')).toMatchObject({
      outcome: 'conflict',
      reason: 'Report issued is not possible while the validation is returned for correction',
    });
    expect(transitionRefusal(OWNER, view('APPROVED'), 'WITHDRAW')?.outcome).toBe('conflict');
  });

  it('needs words for a return', () => {
    expect(transitionRefusal(REVIEWER, view('IN_REVIEW'), 'RETURN', 'fix')?.reason).toMatch(/at least 10 characters/);
    expect(transitionRefusal(REVIEWER, view('IN_REVIEW'), 'RETURN', 'Finding 4.2 needs a photo.')).toBeNull();
  });

  it('closes only when every Action Required finding is resolved; recommendations do not block', () => {
    const open = view('AWAITING_RESPONSE', [
      finding('ACTION_REQUIRED', 'CONCUR', true),
      finding('ACTION_REQUIRED', 'CONCUR', false),
      finding('RECOMMENDATION', 'CONCUR', false),
    ]);
    expect(transitionRefusal(OWNER, open, 'CLOSE')?.reason).toBe(
      '1 Action Required finding is not resolved (no accepted Member response yet)',
    );
    const done = view('AWAITING_RESPONSE', [
      finding('ACTION_REQUIRED', 'CONCUR', true),
      finding('RECOMMENDATION', 'CONCUR', false),
    ]);
    expect(transitionRefusal(OWNER, done, 'CLOSE')).toBeNull();
    expect(transitionRefusal(SUPERVISOR, done, 'CLOSE')).toBeNull();
    expect(transitionRefusal(REVIEWER, done, 'CLOSE')?.outcome).toBe('forbidden');
  });

  it('issuing a report with nothing for the Member to answer closes the validation', () => {
    expect(stateAfter('ISSUE_REPORT', view('APPROVED', [finding('RECOMMENDATION', 'CONCUR')]))).toBe('CLOSED');
    expect(stateAfter('ISSUE_REPORT', view('APPROVED', [finding('ACTION_REQUIRED', 'CONCUR')]))).toBe(
      'AWAITING_RESPONSE',
    );
    expect(stateAfter('RETURN', view('IN_REVIEW'))).toBe('RETURNED');
    expect(transitionRefusal(OWNER, view('RETURNED'), 'SUBMIT')).toBeNull();
  });
});

describe('Member response dates', () => {
  it('counts the response period in calendar days from the report date, across month and leap-day ends', () => {
    expect(responseDueDate('2026-12-02')).toBe('2027-03-02');
    expect(responseDueDate('2027-12-01', 90)).toBe('2028-02-29');
    expect(responseDueDate('2026-01-31', 30)).toBe('2026-03-02');
  });

  it('is overdue only after the due date', () => {
    expect(responseOverdue('2027-03-02', '2027-03-02')).toBe(false);
    expect(responseOverdue('2027-03-02', '2027-03-03')).toBe(true);
  });

  it('gives a Recommendation no due date: its answer is optional, never overdue, and closing does not wait for it', () => {
    expect(responseRequired('ACTION_REQUIRED')).toBe(true);
    expect(responseRequired('RECOMMENDATION')).toBe(false);
    expect(findingResponseDueDate('ACTION_REQUIRED', '2026-12-02')).toBe('2027-03-02');
    expect(findingResponseDueDate('ACTION_REQUIRED', '2026-12-02', 30)).toBe('2027-01-01');
    expect(findingResponseDueDate('ACTION_REQUIRED', null)).toBeNull();
    expect(findingResponseDueDate('RECOMMENDATION', '2026-12-02')).toBeNull();
    expect(responseOverdue(findingResponseDueDate('RECOMMENDATION', '2026-12-02'), '2099-01-01')).toBe(false);
    // Answered but not accepted (or not yet assessed): the validation closes all the same.
    const answered = view('AWAITING_RESPONSE', [
      finding('ACTION_REQUIRED', 'CONCUR', true),
      finding('RECOMMENDATION', 'CONCUR', false),
    ]);
    expect(transitionRefusal(OWNER, answered, 'CLOSE')).toBeNull();
  });

  it('shows the due date approval set for an Action Required finding, with the SCSS proposed date beside it', () => {
    const actionRequired = { classification: 'ACTION_REQUIRED' as const, dueDate: '2027-01-15' };
    expect(shownDueDate(actionRequired, null)).toEqual({ due: '2027-01-15', proposed: null });
    expect(shownDueDate(actionRequired, '2027-03-02')).toEqual({ due: '2027-03-02', proposed: '2027-01-15' });
    expect(shownDueDate(actionRequired, '2027-01-15')).toEqual({ due: '2027-01-15', proposed: null });
    expect(shownDueDate({ ...actionRequired, dueDate: null }, '2027-03-02')).toEqual({
      due: '2027-03-02',
      proposed: null,
    });
    // A Recommendation keeps its own (optional) date: approval sets no response due for it.
    const recommendation = { classification: 'RECOMMENDATION' as const, dueDate: null };
    expect(shownDueDate(recommendation, '2027-03-02')).toEqual({ due: null, proposed: null });
  });

  it('resolves a finding by its latest response: not accepted, then accepted', () => {
    const first = {
      receivedOn: '2027-01-10',
      updatedAt: '2027-01-11T10:00:00.000Z',
      assessment: 'NOT_ACCEPTED' as const,
    };
    const second = { receivedOn: '2027-02-01', updatedAt: '2027-02-02T10:00:00.000Z', assessment: 'ACCEPTED' as const };
    expect(findingResolved([first])).toBe(false);
    expect(findingResolved([second, first])).toBe(true);
    expect(findingResolved([])).toBe(false);
  });
});
