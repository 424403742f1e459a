import { routeHref } from '../state/route';
import { useSyncStore } from '../state/sync-store';
import { SyncControl } from './SyncControl';

export function AppHeader() {
  // Reviewers and supervisors work on validations pulled from HQ; an SCSS follows the Member's responses.
  const role = useSyncStore((s) => s.status?.userRole);
  const reviewer = role === 'FIELD_OFFICE_REVIEWER' || role === 'SUPERVISOR';
  return (
    <header className="usa-header usa-header--basic app-header">
      <div className="usa-nav-container">
        <div className="usa-navbar">
          <div className="usa-logo">
            <em className="usa-logo__text">
              <a href={routeHref({ name: 'members' })} title="CTPAT Validator home">
                CTPAT Validator
              </a>
            </em>
          </div>
        </div>
        <nav aria-label="Primary" className="app-header__nav">
          <ul className="usa-list usa-list--unstyled app-header__links">
            <li>
              <a className="usa-link" href={routeHref({ name: 'members' })}>
                Members
              </a>
            </li>
            <li>
              <a className="usa-link" href={routeHref({ name: 'new-validation' })}>
                New validation
              </a>
            </li>
            {reviewer && (
              <li>
                <a className="usa-link" href={routeHref({ name: 'reviews' })}>
                  {role === 'SUPERVISOR' ? 'Reviews and approvals' : 'Reviews'}
                </a>
              </li>
            )}
            <li>
              <a className="usa-link" href={routeHref({ name: 'responses' })}>
                Member responses
              </a>
            </li>
            <li>
              <a className="usa-link" href={routeHref({ name: 'reports' })}>
                Reports
              </a>
            </li>
            <li>
              <a className="usa-link" href={routeHref({ name: 'dashboard', query: '' })}>
                Dashboard
              </a>
            </li>
            <li>
              <a className="usa-link" href={routeHref({ name: 'settings' })}>
                Settings
              </a>
            </li>
          </ul>
        </nav>
        <SyncControl />
      </div>
    </header>
  );
}
