import { afterEach, describe, expect, it } from 'vitest';
import { startValidationFromAssignment } from '../../electron/services/assignment-service';
import { createAssignment } from '../../hq/assignments';
import { issueEnrolmentCode } from '../../hq/identity';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { testUserId } from '../hq/helpers';
import { DANA, enrolledLaptop, type Person, SAM } from './enrolled-laptop';
import { sharedHqPerTest } from './sync-harness';

/**
 * A laptop enrolled as one SCSS, enrolled again as another while the first one's work is still queued: that work
 * would reach HQ in the second person's name, so the laptop stays enrolled as the first until it is sent.
 */

const hq = sharedHqPerTest('pglite', { listen: true });

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

describe('enrolling a laptop as another person', () => {
  it('is refused while the first person’s work waits, keeps them enrolled, and goes through once it is sent', async () => {
    const laptop = await enrolledLaptop(hq, DANA, cleanups);
    const assignment = await createAssignment(hq.db, {
      'member-name': 'Bayou Freight LLC',
      account: 'ACCT-808',
      'entity-type': 'IMP',
      mode: 'in person',
      'target-date': '2027-01-10',
      scss: await testUserId(hq.db, DANA),
    });
    expect(await laptop.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null });
    // Dana starts the validation offline: its create waits in the outbox.
    const validation = startValidationFromAssignment(laptop.services.ctx, assignment.id);
    expect(laptop.sync.status()).toMatchObject({ pending: 1, userName: DANA.name });

    // Dana herself enrolling again (a new code) is no one else's name: it goes through.
    const again = await issueEnrolmentCode(hq.db, await testUserId(hq.db, DANA));
    await laptop.sync.enroll({ hqUrl: hq.baseUrl, code: again.code, deviceName: 'Dana’s laptop' });
    expect(laptop.sync.status()).toMatchObject({ enrolled: true, userName: DANA.name, pending: 1 });

    const { code } = await issueEnrolmentCode(hq.db, await testUserId(hq.db, SAM));
    const request = { hqUrl: hq.baseUrl, code, deviceName: 'Sam’s laptop' };
    const refused = await laptop.sync.enroll(request).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    const told = message('errors.sync.othersWorkWaiting', { name: DANA.name, newName: SAM.name, waiting: 1 });
    expect((refused as AppError).message).toBe(told.message);
    expect(laptop.sync.status()).toMatchObject({ enrolled: true, userName: DANA.name, pending: 1 });
    expect(laptop.services.ctx.actor).toContain(DANA.name);
    // HQ was asked for Dana only: Sam's code is unspent and no device of Sam's exists that nobody holds.
    const samsDevices = await hq.db.query('SELECT id FROM devices WHERE user_id = $1', [await testUserId(hq.db, SAM)]);
    expect(samsDevices).toEqual([]);
    const [samsCode] = await hq.db.query<{ used_at: string | null }>(
      'SELECT used_at FROM enrolment_codes WHERE user_id = $1',
      [await testUserId(hq.db, SAM)],
    );
    expect(samsCode?.used_at).toBeNull();

    // Sent as Dana, it is Dana's at HQ; then Sam enrols with the same code.
    expect(await laptop.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null, pending: 0 });
    await laptop.sync.enroll(request);
    expect(laptop.sync.status()).toMatchObject({ enrolled: true, userName: SAM.name });
    const [held] = await hq.db.query<{ owner_user_id: string }>('SELECT owner_user_id FROM validations WHERE id = $1', [
      validation.id,
    ]);
    expect(held?.owner_user_id).toBe(await testUserId(hq.db, DANA));
  });

  /**
   * Dana's laptop with nothing unsent; Sam's code goes to HQ and Dana starts a validation just as HQ answers.
   * `undo.reaches` false: the laptop's requests to hand the enrolment back do not reach HQ until it is set.
   */
  async function enrolmentRace(account: string, undo: { reaches: boolean }) {
    let saveDuringEnrol: (() => void) | null = null;
    const laptop = await enrolledLaptop(hq, DANA, cleanups, {
      fetch: async (input, init) => {
        if (String(input).endsWith('/v1/enroll/undo') && !undo.reaches) throw new TypeError('fetch failed');
        if (String(input).endsWith('/v1/enroll') && saveDuringEnrol) {
          const answer = fetch(input, init);
          await answer;
          saveDuringEnrol();
          saveDuringEnrol = null;
          return answer;
        }
        return fetch(input, init);
      },
    });
    const assignment = await createAssignment(hq.db, {
      'member-name': 'Bayou Freight LLC',
      account,
      'entity-type': 'IMP',
      mode: 'in person',
      'target-date': '2027-01-10',
      scss: await testUserId(hq.db, DANA),
    });
    expect(await laptop.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null, pending: 0 });
    let validationId = '';
    saveDuringEnrol = () => {
      validationId = startValidationFromAssignment(laptop.services.ctx, assignment.id).id;
    };
    const { code } = await issueEnrolmentCode(hq.db, await testUserId(hq.db, SAM));
    const refused = await laptop.sync
      .enroll({ hqUrl: hq.baseUrl, code, deviceName: 'Sam’s laptop' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(laptop.sync.status()).toMatchObject({ enrolled: true, userName: DANA.name, pending: 1 });
    expect(laptop.services.ctx.actor).toContain(DANA.name);
    const ownerAtHq = async () =>
      (
        await hq.db.query<{ owner_user_id: string }>('SELECT owner_user_id FROM validations WHERE id = $1', [
          validationId,
        ])
      )[0]?.owner_user_id;
    return { laptop, code, told: (refused as AppError).message, ownerAtHq };
  }

  const activeDevicesOf = async (person: Person) =>
    (
      await hq.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM devices WHERE user_id = $1 AND revoked_at IS NULL',
        [await testUserId(hq.db, person)],
      )
    )[0]?.n;

  it('hands back the enrolment HQ made meanwhile: the first person syncs as before, then the same code enrols', async () => {
    const { laptop, code, told, ownerAtHq } = await enrolmentRace('ACCT-809', { reaches: true });

    expect(told).toBe(
      message('errors.sync.othersWorkWaiting', { name: DANA.name, newName: SAM.name, waiting: 1 }).message,
    );
    // HQ holds no enrolment of Sam's that nobody has, and Dana's enrolment here works again.
    expect(await activeDevicesOf(SAM)).toBe(0);
    expect(await laptop.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null, pending: 0 });
    expect(await ownerAtHq()).toBe(await testUserId(hq.db, DANA));

    await laptop.sync.enroll({ hqUrl: hq.baseUrl, code, deviceName: 'Sam’s laptop' });
    expect(laptop.sync.status()).toMatchObject({ enrolled: true, userName: SAM.name });
    expect([await activeDevicesOf(DANA), await activeDevicesOf(SAM)]).toEqual([0, 1]);
  });

  it('hands the enrolment back at a later sync when HQ could not be asked at once', async () => {
    const undo = { reaches: false };
    const { laptop, code, told, ownerAtHq } = await enrolmentRace('ACCT-810', undo);

    expect(told).toBe(
      message('errors.sync.othersWorkHandBackLater', { name: DANA.name, newName: SAM.name, waiting: 1 }).message,
    );
    expect(await activeDevicesOf(SAM)).toBe(1);
    // Still out of reach: Dana's work waits, and the laptop says what it waits for (not "enrol again").
    expect(await laptop.sync.syncNow()).toMatchObject({ handBackOf: SAM.name, pending: 1 });

    undo.reaches = true;
    const handedBack = await laptop.sync.syncNow();
    expect(handedBack).toMatchObject({ state: 'idle', lastError: null, pending: 0 });
    expect(handedBack.handBackOf).toBeUndefined();
    expect(await activeDevicesOf(SAM)).toBe(0);
    expect(await ownerAtHq()).toBe(await testUserId(hq.db, DANA));
    // HQ kept Sam's code good, as the message said.
    await laptop.sync.enroll({ hqUrl: hq.baseUrl, code, deviceName: 'Sam’s laptop' });
    expect(laptop.sync.status()).toMatchObject({ enrolled: true, userName: SAM.name });
    expect([await activeDevicesOf(DANA), await activeDevicesOf(SAM)]).toEqual([0, 1]);
  });

  it('says both need a new code when HQ refuses the hand-back (the code expired), and the work reaches HQ once the first person enrols again', async () => {
    const undo = { reaches: false };
    const { laptop, told, ownerAtHq } = await enrolmentRace('ACCT-811', undo);
    expect(told).toBe(
      message('errors.sync.othersWorkHandBackLater', { name: DANA.name, newName: SAM.name, waiting: 1 }).message,
    );

    await hq.db.query(`UPDATE enrolment_codes SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      await testUserId(hq.db, SAM),
    ]);
    undo.reaches = true;
    // As the message says: HQ closed Dana's enrolment here for good, so her work waits for a new code of hers.
    const refused = await laptop.sync.syncNow();
    expect(refused).toMatchObject({ state: 'needs-enrolment', pending: 1 });
    expect(refused.handBackOf).toBeUndefined();
    expect(await activeDevicesOf(SAM)).toBe(1);
    const again = await issueEnrolmentCode(hq.db, await testUserId(hq.db, DANA));
    await laptop.sync.enroll({ hqUrl: hq.baseUrl, code: again.code, deviceName: 'Dana’s laptop' });
    expect(await laptop.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null, pending: 0 });
    expect(await ownerAtHq()).toBe(await testUserId(hq.db, DANA));
  });
});
