import { type MouseEvent, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from './api';
import { AppHeader } from './components/AppHeader';
import { ClockWarning } from './components/ClockWarning';
import { applyLanguage } from './i18n';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';
import { MembersScreen } from './screens/MembersScreen';
import { MemberRecordScreen } from './screens/member-record/MemberRecordScreen';
import { NewValidationScreen } from './screens/NewValidationScreen';
import { ReportScreen } from './screens/report/ReportScreen';
import { ReportsScreen } from './screens/report/ReportsScreen';
import { ResponsesScreen } from './screens/responses/ResponsesScreen';
import { ReviewListScreen } from './screens/review/ReviewListScreen';
import { ReviewValidationScreen } from './screens/review/ReviewValidationScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { WorksheetScreen } from './screens/WorksheetScreen';
import { WorkPlanScreen } from './screens/work-plan/WorkPlanScreen';
import { usePreferences } from './state/preferences';
import { useRoute } from './state/route';

/** How long a screen may take to load before its heading is no longer worth moving focus to. */
const HEADING_WAIT_MS = 10_000;

/**
 * Focuses the screen's heading, and its replacement when the screen loads its data first (a worksheet shows a
 * placeholder heading until then); it stops once the person has moved focus themselves. Returns the cleanup.
 */
function focusHeadingWhenShown(): () => void {
  const main = document.getElementById('main-content');
  if (!main) return () => undefined;
  const focusedBefore = document.activeElement;
  let placed: HTMLElement | null = null;
  const place = () => {
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading && heading !== placed) {
      placed = heading;
      heading.focus();
    }
  };
  place();
  const observer = new MutationObserver(() => {
    const focused = document.activeElement;
    const movedOn = focused !== null && focused !== document.body && focused !== placed && focused !== focusedBefore;
    if (movedOn) stop();
    else place();
  });
  const timer = window.setTimeout(() => stop(), HEADING_WAIT_MS);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}

/** The skip link moves focus into the screen shown; followed as a link, its hash would be read as a route. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  const main = document.getElementById('main-content');
  (main?.querySelector<HTMLElement>('h1[tabindex]') ?? main)?.focus();
}

export function App() {
  const route = useRoute();
  const { t } = useTranslation();
  const [{ language }] = usePreferences();
  // The enrolled person's language, applied as soon as it is known and whenever they change it.
  useEffect(() => {
    applyLanguage(language);
    // The main process writes its own dialogs (the unsaved-work question) in it too.
    void call('app:language', { language }).catch(() => undefined);
  }, [language]);

  // Move focus to the new screen's heading so screen-reader users hear where they are (Section 508).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each screen change, reads the DOM only
  useEffect(() => focusHeadingWhenShown(), [route.name]);

  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: USWDS's skip link is a link to #main-content; the click keeps the route */}
      <a className="usa-skipnav" href="#main-content" onClick={skipToMain}>
        {t('app.skipToMain')}
      </a>
      <AppHeader />
      <main id="main-content" className="app-main" tabIndex={-1}>
        <ClockWarning />
        {route.name === 'members' && <MembersScreen />}
        {route.name === 'member' && <MemberRecordScreen key={route.memberId} memberId={route.memberId} />}
        {route.name === 'work-plan' && <WorkPlanScreen year={route.year} />}
        {route.name === 'settings' && <SettingsScreen />}
        {route.name === 'reviews' && <ReviewListScreen />}
        {route.name === 'review' && <ReviewValidationScreen validationId={route.validationId} />}
        {route.name === 'responses' && <ResponsesScreen />}
        {route.name === 'report' && <ReportScreen validationId={route.validationId} />}
        {route.name === 'reports' && <ReportsScreen />}
        {route.name === 'dashboard' && <DashboardScreen query={route.query} />}
        {route.name === 'new-validation' && <NewValidationScreen memberId={route.memberId} />}
        {route.name === 'worksheet' && (
          <WorksheetScreen
            validationId={route.validationId}
            category={route.category}
            section={route.section}
            focus={route.focus}
            resume={route.resume}
          />
        )}
      </main>
    </>
  );
}
