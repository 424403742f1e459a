import { useTranslation } from 'react-i18next';
import { routeHref } from '../state/route';
import { useSyncStore } from '../state/sync-store';
import { SyncControl } from './SyncControl';

export function AppHeader() {
  // Reviewers and supervisors work on validations pulled from HQ; an SCSS follows the Member's responses.
  const role = useSyncStore((s) => s.status?.userRole);
  const reviewer = role === 'FIELD_OFFICE_REVIEWER' || role === 'SUPERVISOR';
  const { t } = useTranslation();
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
              <a className="usa-link" href={routeHref({ name: 'members' })}>
                {t('nav.members')}
              </a>
            </li>
            <li>
              <a className="usa-link" href={routeHref({ name: 'new-validation' })}>
                {t('nav.newValidation')}
              </a>
            </li>
            <li>
              <a className="usa-link" href={routeHref({ name: 'work-plan' })}>
                {t('nav.workPlan')}
              </a>
            </li>
            {reviewer && (
              <li>
                <a className="usa-link" href={routeHref({ name: 'reviews' })}>
                  {role === 'SUPERVISOR' ? t('nav.reviewsAndApprovals') : t('nav.reviews')}
                </a>
              </li>
            )}
            <li>
              <a className="usa-link" href={routeHref({ name: 'responses' })}>
                {t('nav.responses')}
              </a>
            </li>
            <li>
              <a className="usa-link" href={routeHref({ name: 'reports' })}>
                {t('nav.reports')}
              </a>
            </li>
            <li>
              <a className="usa-link" href={routeHref({ name: 'dashboard', query: '' })}>
                {t('nav.dashboard')}
              </a>
            </li>
            <li>
              <a className="usa-link" href={routeHref({ name: 'settings' })}>
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
