import { z } from 'zod';
import {
  ApiErrorSchema,
  EnrollRequestSchema,
  EnrollResponseSchema,
  PushRequestSchema,
  PushResponseSchema,
  ValidationReceiptSchema,
} from '../shared/sync/protocol';

type Route = {
  method: 'get' | 'post';
  path: string;
  summary: string;
  auth: boolean;
  request?: z.ZodType;
  responses: Record<string, { description: string; schema?: z.ZodType }>;
};

const refused = (description: string) => ({ description, schema: ApiErrorSchema });

/** The routes HQ serves, described once; /openapi.json is generated from this and the zod schemas. */
export const HQ_ROUTES: readonly Route[] = [
  {
    method: 'post',
    path: '/v1/enroll',
    summary: 'Spend a one-time enrolment code for a revocable device token',
    auth: false,
    request: EnrollRequestSchema,
    responses: {
      '200': { description: 'Enrolled', schema: EnrollResponseSchema },
      '400': refused('Malformed request'),
      '401': refused('Unknown, used or expired code'),
    },
  },
  {
    method: 'post',
    path: '/v1/push',
    summary: 'Push a batch of outbox changes; one receipt per change',
    auth: true,
    request: PushRequestSchema,
    responses: {
      '200': { description: 'Receipts, in batch order', schema: PushResponseSchema },
      '400': refused('Malformed batch; nothing written'),
      '401': refused('Missing, unknown or revoked device token'),
      '409': {
        description: 'A single-change batch whose change id was used for other content',
        schema: PushResponseSchema,
      },
    },
  },
  {
    method: 'get',
    path: '/v1/validations/{id}/receipt',
    summary: 'Whether HQ holds a submitted validation whole',
    auth: true,
    responses: {
      '200': { description: 'Receipt', schema: ValidationReceiptSchema },
      '401': refused('Missing, unknown or revoked device token'),
      '403': refused('Outside your scope'),
      '404': refused('No such validation at HQ'),
    },
  },
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness and database reachability',
    auth: false,
    responses: { '200': { description: 'Up', schema: z.object({ ok: z.literal(true) }) } },
  },
];

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input' });

export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of HQ_ROUTES) {
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.schema ? { content: { 'application/json': { schema: jsonSchema(r.schema) } } } : {}),
        },
      ]),
    );
    paths[route.path] = {
      ...paths[route.path],
      [route.method]: {
        summary: route.summary,
        ...(route.auth ? { security: [{ deviceToken: [] }] } : {}),
        ...(route.path.includes('{id}')
          ? { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }] }
          : {}),
        ...(route.request
          ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.request) } } } }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'CTPAT Validator HQ', version: '1' },
    components: { securitySchemes: { deviceToken: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
