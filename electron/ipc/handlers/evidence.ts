import { AppError } from '../../../shared/ipc/envelope';
import { message } from '../../../shared/messages';
import {
  attachEvidence,
  deleteEvidence,
  PickedFileRegistry,
  pickEvidenceFiles,
  updateEvidence,
} from '../../services/evidence-service';
import type { ServiceContext } from '../../services/service-context';
import type { HandlersFor, HostInfo } from '../handlers';

type EvidenceChannel = 'evidence:pick' | 'evidence:attach' | 'evidence:update' | 'evidence:delete';

export function evidenceHandlers(
  ctx: ServiceContext,
  host: HostInfo,
  // Paths chosen in the native dialog stay in this process; the page only ever sees their tokens.
  picked = new PickedFileRegistry(),
): HandlersFor<EvidenceChannel> {
  return {
    'evidence:pick': (req) => {
      if (!host.showOpenDialog) {
        throw new AppError('UNAVAILABLE', message('errors.evidence.noDialog'));
      }
      return pickEvidenceFiles(ctx, picked, host.showOpenDialog, req.validationId);
    },
    'evidence:attach': (req) => attachEvidence(ctx, req, picked),
    'evidence:update': (req) => updateEvidence(ctx, req),
    'evidence:delete': (req) => deleteEvidence(ctx, req),
  };
}
