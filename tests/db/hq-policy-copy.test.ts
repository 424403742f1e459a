import { describe, expect, it } from 'vitest';
import { listMembers } from '../../db/queries/members';
import { saveFinding } from '../../electron/services/field-work-service';
import { getSettings, keepHqPolicy } from '../../electron/services/settings-service';
import { createValidation } from '../../electron/services/validation-service';
import { pullHqPolicy } from '../../electron/sync/hq-policy';
import { ClientError, ServerError } from '../../electron/sync/transport';
import { DEFAULT_POLICY, type HqPolicy } from '../../shared/domain/policy';
import { appServicesFixture } from './services-fixture';

const { open } = appServicesFixture('ctpat-hq-policy-copy-');

const hqPolicy = (policy = DEFAULT_POLICY, version = 3): HqPolicy => ({
  version,
  updatedAt: '2026-03-01T12:00:00.000Z',
  updatedBy: 'Pat Lane',
  policy,
});
const refusing = (error: Error) => ({ get: () => Promise.reject(error), put: () => Promise.reject(error) });

describe('the laptop’s copy of HQ’s policy', () => {
  it('keeps a reason a finding here still uses, retired, when HQ’s list no longer has it', () => {
    const s = open();
    const [member] = listMembers(s.ctx.db);
    if (!member) throw new Error('no demo member');
    const validation = createValidation(s.ctx, {
      memberId: member.id,
      entityType: member.entityType,
      mode: 'IN_PERSON',
      scheduledDate: '2026-03-10',
    });
    saveFinding(s.ctx, {
      validationId: validation.id,
      criterionId: '4.1',
      classification: 'ACTION_REQUIRED',
      reasonCode: 'TRAINING_GAP',
      description: 'Nobody on the dock was trained on seal checks.',
      dueDate: '2026-06-08',
    });
    const withoutTraining = {
      ...DEFAULT_POLICY,
      responseDays: 30,
      deficiencyReasons: DEFAULT_POLICY.deficiencyReasons.filter((r) => r.code !== 'TRAINING_GAP'),
    };
    expect(keepHqPolicy(s.ctx, hqPolicy(withoutTraining))).toBe(true);
    const settings = getSettings(s.ctx);
    expect(settings.responseDays).toBe(30);
    expect(settings.deficiencyReasons.at(-1)).toEqual({ code: 'TRAINING_GAP', label: 'Training gap', active: false });
    // The same version again changes nothing and adds no audit entry.
    const audit = () => (s.ctx.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = audit();
    expect(keepHqPolicy(s.ctx, hqPolicy(withoutTraining))).toBe(false);
    expect(audit()).toBe(before);
  });

  it('leaves the settings alone when HQ has no policy route, and fails the sync when HQ fails', async () => {
    let kept = 0;
    const keep = () => {
      kept += 1;
      return true;
    };
    await expect(pullHqPolicy(refusing(new ClientError('No route GET /v1/policy', 404)), keep)).resolves.toEqual({
      policyVersion: null,
      policyChanged: false,
    });
    await expect(pullHqPolicy(refusing(new ServerError('HQ is down', 503)), keep)).rejects.toThrow('HQ is down');
    expect(kept).toBe(0);
    const answering = { get: async () => hqPolicy(), put: async () => hqPolicy() };
    await expect(pullHqPolicy(answering, keep)).resolves.toEqual({ policyVersion: 3, policyChanged: true });
    expect(kept).toBe(1);
  });
});
