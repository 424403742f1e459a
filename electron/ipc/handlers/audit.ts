import { lastAuditVerification, verifyAuditLog } from '../../services/audit-verify';
import type { ServiceContext } from '../../services/service-context';
import type { HandlersFor } from '../handlers';

export function auditHandlers(ctx: ServiceContext): HandlersFor<'audit:status' | 'audit:verify'> {
  return {
    'audit:status': () => lastAuditVerification(ctx),
    'audit:verify': () => verifyAuditLog(ctx),
  };
}
