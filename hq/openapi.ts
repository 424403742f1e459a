import { z } from 'zod';
import { AnalyticsFiltersSchema, TopDeficienciesQuerySchema } from '../shared/analytics/filters';
import {
  DeficienciesByCategorySchema,
  DeficiencyReasonsSchema,
  KeyStatisticsSchema,
  TopDeficienciesSchema,
  TrendsSchema,
  VirtualVsInPersonSchema,
} from '../shared/analytics/views';
import { CHECKSUM_MISMATCH_STATUS, EVIDENCE_UPLOADS_PATH, Sha256HexSchema } from '../shared/sync/evidence-protocol';
import {
  MEMBER_RECORD_CHANGES_PATH,
  MemberRecordPushRequestSchema,
  MemberRecordPushResponseSchema,
  MemberRecordRefusalSchema,
} from '../shared/sync/member-record-protocol';
import { HqPolicySchema, PolicyConflictSchema, PolicyUpdateRequestSchema } from '../shared/sync/policy-protocol';
import {
  ApiErrorSchema,
  EnrollOtherPersonSchema,
  EnrollRequestSchema,
  EnrollResponseSchema,
  PushRequestSchema,
  PushResponseSchema,
  UndoEnrolmentRequestSchema,
  UndoEnrolmentResponseSchema,
  ValidationReceiptSchema,
} from '../shared/sync/protocol';
import { PullQuerySchema, PullResponseSchema } from '../shared/sync/pull-protocol';
import { ValidationHistorySchema } from './history';

type Route = {
  method: 'get' | 'post' | 'put' | 'head' | 'patch' | 'delete';
  path: string;
  summary: string;
  auth: boolean;
  request?: z.ZodType;
  /** Query string parameters, each described from its schema. */
  query?: z.ZodObject;
  responses: Record<string, { description: string; schema?: z.ZodType }>;
  /** Path parameters other than a UUID {id}, each described from its schema. */
  pathParams?: Record<string, z.ZodType>;
  /** The content type of an unparsed binary body (tus PATCH). */
  binaryRequest?: string;
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
      '409': {
        description: 'A good code of another person than holdsWorkOf; not spent, no device made',
        schema: EnrollOtherPersonSchema,
      },
    },
  },
  {
    method: 'post',
    path: '/v1/enroll/undo',
    summary: 'Give back the enrolment a code has just made: its device revoked, the laptop’s earlier one restored',
    auth: true,
    request: UndoEnrolmentRequestSchema,
    responses: {
      '200': { description: 'Undone; the code works again until it expires', schema: UndoEnrolmentResponseSchema },
      '400': refused('Malformed request'),
      '401': refused('Missing, unknown or revoked device token'),
      '409': refused('The code did not enrol this device, has expired, or the device has pushed; nothing changed'),
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
    path: '/v1/pull',
    summary: 'The next page of catalog editions, assignments and in-scope submitted validations after a cursor',
    auth: true,
    query: PullQuerySchema,
    responses: {
      '200': { description: 'One page, in server order, with the cursor to continue from', schema: PullResponseSchema },
      '400': refused('Malformed cursor or limit'),
      '401': refused('Missing, unknown or revoked device token'),
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
    path: '/v1/validations/{id}/history',
    summary:
      'Every step of a validation’s life (submitted, withdrawn, review started, returned, approved, report issued, closed), oldest first, naming who and when',
    auth: true,
    responses: {
      '200': { description: 'The validation’s workflow state and its events', schema: ValidationHistorySchema },
      '400': refused('The validation id is not a UUID'),
      '401': refused('Missing, unknown or revoked device token'),
      '403': refused('Outside your scope'),
      '404': refused('No such validation at HQ'),
    },
  },
  {
    method: 'get',
    path: '/v1/policy',
    summary:
      'The policy HQ sets for every enrolled laptop (deficiency reasons, response days, evidence size limit, report marking); version 0 = the defaults, never set',
    auth: true,
    responses: {
      '200': { description: 'HQ’s current policy and its version', schema: HqPolicySchema },
      '401': refused('Missing, unknown or revoked device token'),
    },
  },
  {
    method: 'put',
    path: '/v1/policy',
    summary: 'A supervisor sets a new policy version on top of HQ’s current one (baseVersion)',
    auth: true,
    request: PolicyUpdateRequestSchema,
    responses: {
      '200': {
        description: 'The new version (or the one this same request made, when retried)',
        schema: HqPolicySchema,
      },
      '400': refused('Malformed policy, with the field named'),
      '401': refused('Missing, unknown or revoked device token'),
      '403': refused('The enrolled user is not a supervisor'),
      '409': {
        description:
          'STALE: baseVersion is not HQ’s current version (current carries it), or REASON_IN_USE: a removed deficiency reason is used by findings at HQ',
        schema: PolicyConflictSchema,
      },
    },
  },
  {
    method: 'post',
    path: MEMBER_RECORD_CHANGES_PATH,
    summary:
      'One Member’s CTPAT record changes, in order, each on the record version it was made on; HQ checks them with the shared rules as the enrolled user and keeps all or none',
    auth: true,
    request: MemberRecordPushRequestSchema,
    responses: {
      '200': {
        description: 'Kept (or already held: a resend): HQ’s Member id, its record version, each change’s version',
        schema: MemberRecordPushResponseSchema,
      },
      '400': {
        description: 'Malformed request, or a change the record’s rules refuse (INVALID_CHANGE), with the field named',
        schema: MemberRecordRefusalSchema,
      },
      '401': refused('Missing, unknown or revoked device token'),
      '403': {
        description: 'The role may not make the change, or the Member is another field office’s',
        schema: MemberRecordRefusalSchema,
      },
      '409': {
        description:
          'STALE: a change made on a version HQ no longer holds (current carries HQ’s version and the changes after it), or ID_REUSED: a change id HQ holds with other content',
        schema: MemberRecordRefusalSchema,
      },
    },
  },
  {
    method: 'post',
    path: EVIDENCE_UPLOADS_PATH,
    summary:
      'Create a resumable evidence upload (tus 1.0.0: Tus-Resumable, Upload-Length, Upload-Metadata with sha256)',
    auth: true,
    responses: {
      '201': { description: 'Created; Location names the upload' },
      '400': refused('No sha256 in Upload-Metadata, no Upload-Length, or a size other than the evidence record’s'),
      '401': refused('Missing, unknown or revoked device token'),
      '403': refused('No validation of yours at HQ references this file'),
      '413': { description: 'Larger than HQ accepts' },
    },
  },
  ...(['head', 'patch', 'delete'] as const).map(
    (method): Route => ({
      method,
      path: `${EVIDENCE_UPLOADS_PATH}/{uploadId}`,
      summary: {
        head: 'How many bytes of an upload HQ holds (Upload-Offset, Upload-Length)',
        patch: 'Append bytes at Upload-Offset; the last chunk is verified against the SHA-256 before HQ keeps the file',
        delete: 'Abandon an upload (tus termination)',
      }[method],
      auth: true,
      pathParams: { uploadId: z.string().min(1) },
      ...(method === 'patch' ? { binaryRequest: 'application/offset+octet-stream' } : {}),
      responses: {
        [method === 'head' ? '200' : '204']: { description: 'Done; Upload-Offset says how many bytes HQ holds' },
        '401': refused('Missing, unknown or revoked device token'),
        '404': { description: 'No such upload for this device (finished, abandoned or never created)' },
        ...(method === 'patch'
          ? {
              '409': { description: 'Upload-Offset differs from what HQ holds; ask again with HEAD' },
              [String(CHECKSUM_MISMATCH_STATUS)]: refused(
                'The bytes do not hash to the declared SHA-256; nothing kept',
              ),
            }
          : {}),
      },
    }),
  ),
  {
    method: 'head',
    path: '/v1/evidence/files/{sha256}',
    summary: 'Whether HQ holds an evidence file (evidence-size-bytes header), so a client skips it',
    auth: true,
    pathParams: { sha256: Sha256HexSchema },
    responses: {
      '200': { description: 'Held' },
      '401': refused('Missing, unknown or revoked device token'),
      '404': { description: 'Not held, or not referenced by a validation in your scope' },
    },
  },
  {
    method: 'get',
    path: '/v1/evidence/files/{sha256}',
    summary: "An evidence file's bytes, for a reviewer, supervisor or analyst whose scope holds a validation naming it",
    auth: true,
    pathParams: { sha256: Sha256HexSchema },
    responses: {
      '200': { description: 'The file (application/octet-stream); evidence-size-bytes gives its size' },
      '400': refused('Not a lowercase hex SHA-256'),
      '401': refused('Missing, unknown or revoked device token'),
      '404': refused('Not held, or not referenced by a validation in your scope'),
    },
  },
  ...(
    [
      [
        'key-statistics',
        'Key statistics: validations, Members, deficiencies per validation, repeats, responses overdue',
        KeyStatisticsSchema,
      ],
      [
        'deficiencies-by-category',
        'Deficiencies by MSC category, ranked, with the Action Required / Recommendation split',
        DeficienciesByCategorySchema,
      ],
      [
        'top-deficiencies',
        'The criteria most often deficient, with times assessed and the deficiency rate',
        TopDeficienciesSchema,
      ],
      ['deficiency-reasons', 'Deficiencies by reason code', DeficiencyReasonsSchema],
      ['trends', 'Deficiencies per validation by month and quarter, overall and per category', TrendsSchema],
      [
        'virtual-vs-in-person',
        'Virtual and in-person validations compared, with virtual session durations (median, quartiles)',
        VirtualVsInPersonSchema,
      ],
    ] as const
  ).map(
    ([view, summary, schema]): Route => ({
      method: 'get',
      path: `/v1/analytics/${view}`,
      summary: `${summary}, over the submitted validations in your scope (Accept: text/csv for CSV)`,
      auth: true,
      query: view === 'top-deficiencies' ? TopDeficienciesQuerySchema : AnalyticsFiltersSchema,
      responses: {
        '200': { description: 'The view (JSON, or CSV with a header row)', schema },
        '400': refused('An unknown query parameter or a malformed filter, named'),
        '401': refused('Missing, unknown or revoked device token'),
      },
    }),
  ),
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
        ...(route.query
          ? {
              parameters: Object.entries(route.query.shape).map(([name, schema]) => ({
                name,
                in: 'query',
                required: !(schema as z.ZodType).safeParse(undefined).success,
                schema: jsonSchema(schema as z.ZodType),
              })),
            }
          : {}),
        ...(route.pathParams
          ? {
              parameters: Object.entries(route.pathParams).map(([name, schema]) => ({
                name,
                in: 'path',
                required: true,
                schema: jsonSchema(schema),
              })),
            }
          : {}),
        ...(route.binaryRequest
          ? {
              requestBody: {
                required: true,
                content: { [route.binaryRequest]: { schema: { type: 'string', format: 'binary' } } },
              },
            }
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
