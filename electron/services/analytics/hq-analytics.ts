import type { z } from 'zod';
import { ANALYTICS_VIEW_SCHEMAS, type AnalyticsViewResult } from '../../../shared/analytics/views';
import type { AnalyticsRequest } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/envelope';
import { type Message, message } from '../../../shared/messages';
import type { HqUser } from '../../../shared/sync/protocol';
import { AuthError, ClientError, getHqJson, type HttpTransportOptions, NetworkError } from '../../sync/transport';

/** The query string HQ's analytics routes take: the filters as they are, plus the list length for top deficiencies. */
export function analyticsQueryString(request: Pick<AnalyticsRequest, 'view' | 'filters' | 'limit'>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.filters)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  if (request.view === 'top-deficiencies' && request.limit !== undefined) query.set('limit', String(request.limit));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** Whose validations HQ counts for this person, in words (HQ scopes by role: hq/analytics.ts scopeSql). */
export function hqScopeLabel(user: HqUser): string {
  return hqScope(user).message;
}

/** Whose validations HQ's figures cover for this person, as a catalog message. */
export function hqScope(user: HqUser): Message {
  switch (user.role) {
    case 'SCSS':
      return message('dashboardScope.hqOwn');
    case 'FIELD_OFFICE_REVIEWER':
    case 'SUPERVISOR':
      return message('dashboardScope.hqOffice', { office: user.fieldOffice });
    case 'HQ_ANALYST':
      return message('dashboardScope.hqAll');
  }
}

/** GET /v1/analytics/<view> with this device's token; failures become messages the person can act on. */
export async function fetchHqView(hq: HttpTransportOptions, request: AnalyticsRequest): Promise<AnalyticsViewResult> {
  const schema: z.ZodType<unknown> = ANALYTICS_VIEW_SCHEMAS[request.view];
  try {
    const data = await getHqJson(hq, `analytics/${request.view}${analyticsQueryString(request)}`, schema);
    return { view: request.view, data } as AnalyticsViewResult;
  } catch (error) {
    if (error instanceof NetworkError) {
      throw new AppError('UNAVAILABLE', message('errors.analytics.hqUnreachable'));
    }
    if (error instanceof AuthError) {
      throw new AppError('FORBIDDEN', message('errors.analytics.hqRefusedComputer'));
    }
    if (error instanceof ClientError)
      throw new AppError('BAD_REQUEST', message('errors.analytics.hqRefused', { detail: error.message }));
    throw new AppError('UNAVAILABLE', message('errors.analytics.hqBusy'));
  }
}
