import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listAssignments, startValidationFromAssignment } from '../../electron/services/assignment-service';
import { changeMemberRecord, getWorkPlan } from '../../electron/services/member-record-service';
import type { Member } from '../../shared/domain/validation';
import { message } from '../../shared/messages';
import { certifiedTier1History } from '../member-record-fixtures';
import { appServicesFixture } from './services-fixture';
import { addRealMember, enrolAs, type HqUserLike, person } from './workflow-fixture';

/**
 * A laptop enrolled as one SCSS, then as another: the first one's assignments stay in its store as the pulls left
 * them, but they are not the second person's to start, nor their work plan's.
 */
const fixture = appServicesFixture('ctpat-assignments-person-', '2026-12-03T15:00:00.000Z');

function assign(db: ReturnType<typeof fixture.open>['ctx']['db'], id: string, member: Member, to: HqUserLike) {
  db.prepare(
    `INSERT INTO assignments (id, member_id, entity_type, mode, target_date, assigned_user_id, field_office,
                              assigned_at, pulled_at)
     VALUES (?, ?, 'IMP', 'IN_PERSON', '2026-12-15', ?, 'Houston', ?, ?)`,
  ).run(id, member.id, to.id, '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z');
}

describe('assignments on a laptop enrolled again as another SCSS', () => {
  it('offers, starts and plans only the enrolled person’s', () => {
    const dana = person('Dana Ruiz', 'SCSS');
    const sam = person('Sam Ortiz', 'SCSS');
    const laptop = fixture.open();
    const bayou = addRealMember(laptop, 'Bayou Freight LLC');
    const lone = addRealMember(laptop, 'Lone Star Cold Chain Imports LLC');
    // Both certified a year before: their validations are due on 2026-12-20.
    for (const member of [bayou, lone]) {
      changeMemberRecord(laptop.ctx, {
        memberId: member.id,
        baseVersion: 0,
        change: { ...certifiedTier1History(), certifiedOn: '2025-12-20' },
      });
    }
    const ofDana = randomUUID();
    const ofSam = randomUUID();
    assign(laptop.ctx.db, ofDana, bayou, dana);
    assign(laptop.ctx.db, ofSam, lone, sam);
    enrolAs(laptop, dana);
    expect(listAssignments(laptop.ctx).map((a) => a.id)).toEqual([ofDana]);

    enrolAs(laptop, sam);
    expect(listAssignments(laptop.ctx).map((a) => a.id)).toEqual([ofSam]);
    expect(() => startValidationFromAssignment(laptop.ctx, ofDana)).toThrow(
      message('errors.assignment.otherPerson').message,
    );
    expect(laptop.ctx.db.prepare('SELECT count(*) FROM validations WHERE member_id = ?').pluck().get(bayou.id)).toBe(0);
    const due = getWorkPlan(laptop.ctx, 2026).rows.filter((r) => r.kind === 'VALIDATION');
    expect(due.map((r) => [r.legalName, r.state, r.mine])).toEqual([
      ['Bayou Freight LLC', 'PLANNED', false],
      ['Lone Star Cold Chain Imports LLC', 'ASSIGNED', true],
    ]);
    expect(startValidationFromAssignment(laptop.ctx, ofSam).memberId).toBe(lone.id);
  });
});
