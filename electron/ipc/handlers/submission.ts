import { listConsidered, setWarningsConsidered } from '../../services/considered-warnings-service';
import type { ServiceContext } from '../../services/service-context';
import { checkCompleteness, reopenValidation, submitValidation } from '../../services/submission-service';
import type { HandlersFor } from '../handlers';

type SubmissionChannel =
  | 'validations:check'
  | 'validations:submit'
  | 'validations:reopen'
  | 'warnings:considered'
  | 'warnings:consider';

export function submissionHandlers(ctx: ServiceContext): HandlersFor<SubmissionChannel> {
  return {
    'validations:check': (req) => checkCompleteness(ctx, req.validationId),
    'validations:submit': (req) => submitValidation(ctx, req.validationId, req.signedByName, req.worksheetLanguage),
    'validations:reopen': (req) => reopenValidation(ctx, req.validationId, req.reason),
    'warnings:considered': (req) => listConsidered(ctx, req.validationId),
    'warnings:consider': (req) => setWarningsConsidered(ctx, req),
  };
}
