import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { call } from '../api';
import { useRoute } from '../state/route';
import { useWorksheetStore } from '../state/worksheet-store';
import { Alert } from './Alert';
import { formatDateTime } from './format';

/** Once a minute: the warning goes away soon after the person sets the clock, without a save or a new screen. */
const RECHECK_MS = 60_000;

/**
 * Warns on every screen while this computer's clock is behind what is already saved here: work saved now would
 * be dated by the wrong clock. Nothing is refused; a person can only fix what they are told about.
 */
export function ClockWarning() {
  const { t } = useTranslation();
  const route = useRoute();
  const lastSavedAt = useWorksheetStore((s) => s.lastSavedAt);
  const [clock, setClock] = useState<ResponseOf<'app:clock'> | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: checked again on each screen and after each save
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
  }, [route.name, lastSavedAt]);

  if (!clock?.behind || clock.newestSavedAt === null) return null;
  return (
    <div className="grid-container clock-warning" data-testid="clock-warning">
      <Alert type="warning" heading={t('app.clockBehind.heading')}>
        {t('app.clockBehind.text', {
          now: formatDateTime(clock.now),
          newest: formatDateTime(clock.newestSavedAt),
        })}
      </Alert>
    </div>
  );
}
