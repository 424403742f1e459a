import type { MemberRecordChange } from '../shared/domain/member-record/events';

/** The history a supervisor first sets on a Member's record: certified in 2022, Tier 1, never validated since. */
export function certifiedTier1History(note = ''): Extract<MemberRecordChange, { kind: 'HISTORY_SET' }> {
  return { kind: 'HISTORY_SET', status: 'CERTIFIED', tier: 1, certifiedOn: '2022-03-01', lastValidatedOn: null, note };
}
