import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { type Message, message } from '../shared/messages';
import { PolicyUpdateRequestSchema } from '../shared/sync/policy-protocol';
import type { HqDb } from './db/types';
import type { Principal } from './identity';
import { currentPolicy, mayChangePolicy, updatePolicy } from './policy';
import { errorBody } from './refusal';

export type PolicyRoutesOptions = {
  db: HqDb;
  requirePrincipal: (request: FastifyRequest, reply: FastifyReply) => Promise<Principal | null>;
};

const refuse = (reply: FastifyReply, status: number, code: string, told: Message, extra: object = {}) =>
  reply.code(status).send({ ...errorBody(code, told), ...extra });

/** GET /v1/policy for any enrolled device; PUT /v1/policy for a supervisor, on HQ's current version only. */
export const policyRoutes: FastifyPluginAsync<PolicyRoutesOptions> = async (app, options) => {
  const { db } = options;

  app.get('/v1/policy', async (request, reply) => {
    const principal = await options.requirePrincipal(request, reply);
    if (!principal) return reply;
    return currentPolicy(db);
  });

  app.put('/v1/policy', async (request, reply) => {
    const principal = await options.requirePrincipal(request, reply);
    if (!principal) return reply;
    // Who may is answered before what was sent: a caller who may not change it learns nothing from the body check.
    if (!mayChangePolicy(principal.user)) {
      return refuse(reply, 403, 'FORBIDDEN', message('hqReason.policySupervisorOnly'));
    }
    const parsed = PolicyUpdateRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return refuse(
        reply,
        400,
        'BAD_REQUEST',
        message('sync.hqSaid', { text: `${where}${issue?.message ?? 'Malformed policy'}` }),
      );
    }
    const result = await updatePolicy(db, principal.user, parsed.data);
    switch (result.outcome) {
      case 'saved':
        request.log.info({ deviceId: principal.deviceId, version: result.policy.version }, 'policy set');
        return result.policy;
      case 'forbidden':
        return refuse(reply, 403, 'FORBIDDEN', result.told);
      case 'reason-in-use':
        return refuse(reply, 409, 'REASON_IN_USE', result.told);
      case 'stale':
        return refuse(
          reply,
          409,
          'STALE',
          message('hqReason.policyStale', { base: parsed.data.baseVersion, current: result.current.version }),
          { current: result.current },
        );
    }
  });
};
