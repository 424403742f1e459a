import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { call } from '../api';
import { type Route, useRoute } from '../state/route';
import { useSyncStore } from '../state/sync-store';
import { useWorksheetStore } from '../state/worksheet-store';
import { Alert } from './Alert';
import { formatDateTime, formatDuration } from './format';

/** Once a minute: the warning goes away soon after the person sets the clock, without a save or a new screen. */
const RECHECK_MS = 60_000;

/** The screens laid out in USWDS's narrow grid container; the others use the widescreen one. */
const NARROW_SCREENS: ReadonlySet<Route['name']> = new Set(['settings', 'reports', 'new-validation']);

/**
 * Warns on every screen while this computer's clock is wrong (off from HQ's at the last sync, or behind what is
 * already saved here): work saved now would be dated by it. Nothing is refused; a person can only fix what they
 * are told about.
 */
export function ClockWarning() {
  const { t } = useTranslation();
  const route = useRoute();
  const lastSavedAt = useWorksheetStore((s) => s.lastSavedAt);
  // A sync that ended has just measured HQ's clock.
  const lastSyncAt = useSyncStore((s) => s.status?.lastSuccessAt);
  const [clock, setClock] = useState<ResponseOf<'app:clock'> | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: checked again on each screen, after each save and sync
  useEffect(() => {
    let current = true;
    const check = () =>
      void call('app:clock', {}).then(
        (answer) => current && setClock(answer),
        // Unknown is not wrong: keep what was last known rather than warn or clear on a failed check.
        () => undefined,
      );
    check();
    const timer = window.setInterval(check, RECHECK_MS);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [route.name, lastSavedAt, lastSyncAt]);

  const text = clock && warningText(t, clock);
  if (!text) return null;
  return (
    // In the same container as the screen below, so its edges line up with the screen's content.
    <div
      className={`${NARROW_SCREENS.has(route.name) ? 'grid-container' : 'grid-container-widescreen'} clock-warning`}
      data-testid="clock-warning"
    >
      <Alert type="warning" heading={t('app.clockWrong.heading')}>
        {text}
      </Alert>
    </div>
  );
}

/** The service decides whether the clock is wrong (clock-check.ts); this only words it. */
function warningText(t: TFunction, clock: ResponseOf<'app:clock'>): string | null {
  const now = formatDateTime(clock.now);
  switch (clock.wrong) {
    case 'ahead-of-hq':
    case 'behind-hq':
      return t(clock.wrong === 'ahead-of-hq' ? 'app.clockWrong.aheadOfHq' : 'app.clockWrong.behindHq', {
        now,
        difference: formatDuration(clock.hqDifferenceMs ?? 0),
      });
    case 'behind-saved':
      return t('app.clockWrong.behindSaved', { now, newest: formatDateTime(clock.newestSavedAt ?? clock.now) });
    default:
      return null;
  }
}
