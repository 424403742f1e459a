import { useTranslation } from 'react-i18next';
import { knownPerson } from '../state/known-person';
import { type Route, routeHref, useRoute } from '../state/route';
import { useSyncStore } from '../state/sync-store';
import { SyncControl } from './SyncControl';

type Section =
  | 'members'
  | 'new-validation'
  | 'work-plan'
  | 'reviews'
  | 'responses'
  | 'reports'
  | 'dashboard'
  | 'settings';

/** The navigation link a screen sits under: a Member's record and a worksheet are reached from Members. */
function sectionOf(route: Route): Section {
  switch (route.name) {
    case 'member':
    case 'worksheet':
      return 'members';
    case 'review':
      return 'reviews';
    case 'report':
      return 'reports';
    default:
      return route.name;
  }
}

export function AppHeader() {
  // Reviewers and supervisors work on validations pulled from HQ; an SCSS follows the Member's responses.
  const role = useSyncStore((s) => knownPerson(s.status).role);
  const reviewer = role === 'FIELD_OFFICE_REVIEWER' || role === 'SUPERVISOR';
  const { t } = useTranslation();
  const current = sectionOf(useRoute());
  // The link of the screen shown says so, to screen readers (aria-current) and on screen (styles.css).
  const here = (section: Section) => (section === current ? { 'aria-current': 'page' as const } : {});
  return (
    <header className="usa-header usa-header--basic app-header">
      <div className="usa-nav-container">
        <div className="usa-navbar">
          <div className="usa-logo">
            <em className="usa-logo__text">
              <a href={routeHref({ name: 'members' })} title={t('app.home')}>
                {t('app.name')}
              </a>
            </em>
          </div>
        </div>
        <nav aria-label={t('nav.label')} className="app-header__nav">
          <ul className="usa-list usa-list--unstyled app-header__links">
            <li>
              <a className="usa-link" href={routeHref({ name: 'members' })} {...here('members')}>
                {t('nav.members')}
              </a>
            </li>
            <li>
              <a className="usa-link" href={routeHref({ name: 'new-validation' })} {...here('new-validation')}>
                {t('nav.newValidation')}
              </a>
            </li>
            <li>
              <a className="usa-link" href={routeHref({ name: 'work-plan' })} {...here('work-plan')}>
                {t('nav.workPlan')}
              </a>
            </li>
            {reviewer && (
              <li>
                <a className="usa-link" href={routeHref({ name: 'reviews' })} {...here('reviews')}>
                  {role === 'SUPERVISOR' ? t('nav.reviewsAndApprovals') : t('nav.reviews')}
                </a>
              </li>
            )}
            <li>
              <a className="usa-link" href={routeHref({ name: 'responses' })} {...here('responses')}>
                {t('nav.responses')}
              </a>
            </li>
            <li>
              <a className="usa-link" href={routeHref({ name: 'reports' })} {...here('reports')}>
                {t('nav.reports')}
              </a>
            </li>
            <li>
              <a className="usa-link" href={routeHref({ name: 'dashboard', query: '' })} {...here('dashboard')}>
                {t('nav.dashboard')}
              </a>
            </li>
            <li>
              <a className="usa-link" href={routeHref({ name: 'settings' })} {...here('settings')}>
                {t('nav.settings')}
              </a>
            </li>
          </ul>
        </nav>
        <SyncControl />
      </div>
    </header>
  );
}
