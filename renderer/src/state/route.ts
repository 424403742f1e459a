import { useSyncExternalStore } from 'react';

/**
 * Hash routes keep the app's place across a reload: #/members, #/reviews, #/reviews/<id>, #/responses,
 * #/reports, #/reports/<id>, #/dashboard?view=…, #/members/<id> (a Member's CTPAT record), #/work-plan?year=…, #/validations/new, #/validations/<id>/category/<n>, #/validations/<id>/<section>.
 */
export type Route =
  | { name: 'members' }
  | { name: 'member'; memberId: string }
  /** The field office's plan for a year; the current year when none is given. */
  | { name: 'work-plan'; year?: number }
  | { name: 'settings' }
  | { name: 'reviews' }
  | { name: 'review'; validationId: string }
  | { name: 'responses' }
  | { name: 'reports' }
  | { name: 'report'; validationId: string }
  /** The MSC performance dashboard; its view, source and filters are the query (dashboard-query.ts). */
  | { name: 'dashboard'; query: string }
  | { name: 'new-validation'; memberId?: string }
  | {
      name: 'worksheet';
      validationId: string;
      category: number;
      section?: WorksheetSection;
      focus?: string;
      /** #/validations/<id>: open where the SCSS last worked in it (category and criterion). */
      resume?: boolean;
    };

/** Pages of one worksheet besides the 12 category pages. */
export type WorksheetSection = 'criteria' | 'sites' | 'session' | 'review' | 'responses';

export function parseRoute(hash: string): Route {
  const [pathPart = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = pathPart.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'members' && parts[1]) return { name: 'member', memberId: parts[1] };
  if (parts[0] === 'work-plan') {
    const year = Number(params.get('year'));
    return Number.isInteger(year) && year >= 2000 && year <= 2100 ? { name: 'work-plan', year } : { name: 'work-plan' };
  }
  if (parts[0] === 'reviews' && parts[1]) return { name: 'review', validationId: parts[1] };
  if (parts[0] === 'reviews') return { name: 'reviews' };
  if (parts[0] === 'responses') return { name: 'responses' };
  if (parts[0] === 'reports' && parts[1]) return { name: 'report', validationId: parts[1] };
  if (parts[0] === 'reports') return { name: 'reports' };
  if (parts[0] === 'dashboard') return { name: 'dashboard', query };
  if (parts[0] === 'validations' && parts[1] === 'new') {
    const memberId = params.get('member');
    return memberId ? { name: 'new-validation', memberId } : { name: 'new-validation' };
  }
  if (parts[0] === 'validations' && parts[1]) {
    const category = Number(parts[3]);
    const section =
      parts[2] === 'sites' || parts[2] === 'session' || parts[2] === 'review' || parts[2] === 'responses'
        ? parts[2]
        : 'criteria';
    const focus = params.get('focus');
    return {
      name: 'worksheet',
      validationId: parts[1],
      category: parts[2] === 'category' && category >= 1 && category <= 12 ? category : 1,
      section,
      ...(focus ? { focus } : {}),
      ...(parts.length === 2 ? { resume: true } : {}),
    };
  }
  return { name: 'members' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'members':
      return '#/members';
    case 'member':
      return `#/members/${route.memberId}`;
    case 'work-plan':
      return route.year ? `#/work-plan?year=${route.year}` : '#/work-plan';
    case 'settings':
      return '#/settings';
    case 'reviews':
      return '#/reviews';
    case 'review':
      return `#/reviews/${route.validationId}`;
    case 'responses':
      return '#/responses';
    case 'report':
      return `#/reports/${route.validationId}`;
    case 'reports':
      return '#/reports';
    case 'dashboard':
      return route.query ? `#/dashboard?${route.query}` : '#/dashboard';
    case 'new-validation':
      return route.memberId ? `#/validations/new?member=${encodeURIComponent(route.memberId)}` : '#/validations/new';
    case 'worksheet': {
      const base = `#/validations/${route.validationId}`;
      if (route.resume) return base;
      if (route.section && route.section !== 'criteria') return `${base}/${route.section}`;
      return `${base}/category/${route.category}${route.focus ? `?focus=${encodeURIComponent(route.focus)}` : ''}`;
    }
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
