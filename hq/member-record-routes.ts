import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { MEMBER_RECORD_CHANGES_PATH, MemberRecordPushRequestSchema } from '../shared/sync/member-record-protocol';
import type { HqDb } from './db/types';
import type { Principal } from './identity';
import { pushMemberRecordChanges } from './member-records';

export type MemberRecordRoutesOptions = {
  db: HqDb;
  requirePrincipal: (request: FastifyRequest, reply: FastifyReply) => Promise<Principal | null>;
};

/** POST /v1/member-records/changes: one Member's record changes from a laptop, all kept or none. */
export const memberRecordRoutes: FastifyPluginAsync<MemberRecordRoutesOptions> = async (app, options) => {
  const { db } = options;
  app.post(MEMBER_RECORD_CHANGES_PATH, async (request, reply) => {
    const principal = await options.requirePrincipal(request, reply);
    if (!principal) return reply;
    const parsed = MemberRecordPushRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return reply
        .code(400)
        .send({ error: { code: 'BAD_REQUEST', message: `${where}${issue?.message ?? 'Malformed request body'}` } });
    }
    const result = await pushMemberRecordChanges(db, principal.user, principal.deviceId, parsed.data);
    if ('status' in result) {
      request.log.info(
        { deviceId: principal.deviceId, memberId: parsed.data.member.id, code: result.code, eventId: result.eventId },
        'member record change refused',
      );
      const where = result.field ? `${result.field}: ` : '';
      return reply.code(result.status).send({
        error: { code: result.code, message: `${where}${result.told.message}` },
        ...(result.eventId ? { eventId: result.eventId } : {}),
        told: { key: result.told.key, ...(result.told.params ? { params: result.told.params } : {}) },
        ...(result.current ? { current: result.current } : {}),
      });
    }
    request.log.info(
      { deviceId: principal.deviceId, memberId: result.memberId, version: result.version },
      'member record changes kept',
    );
    return result;
  });
};
