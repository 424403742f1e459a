import {
  concurWithAllRemaining,
  listReviewQueue,
  reviewValidationView,
  saveFindingReview,
} from '../../services/review-service';
import type { ServiceContext } from '../../services/service-context';
import type { HandlersFor } from '../handlers';

type ReviewChannel = 'reviews:queue' | 'reviews:save' | 'reviews:validation' | 'reviews:concurall';

export function reviewHandlers(ctx: ServiceContext): HandlersFor<ReviewChannel> {
  return {
    'reviews:queue': () => listReviewQueue(ctx),
    'reviews:save': (req) => saveFindingReview(ctx, req),
    'reviews:validation': (req) => reviewValidationView(ctx, req.validationId),
    'reviews:concurall': (req) => concurWithAllRemaining(ctx, req),
  };
}
