import { listReviewQueue, saveFindingReview } from '../../services/review-service';
import type { ServiceContext } from '../../services/service-context';
import type { HandlersFor } from '../handlers';

export function reviewHandlers(ctx: ServiceContext): HandlersFor<'reviews:queue' | 'reviews:save'> {
  return {
    'reviews:queue': () => listReviewQueue(ctx),
    'reviews:save': (req) => saveFindingReview(ctx, req),
  };
}
