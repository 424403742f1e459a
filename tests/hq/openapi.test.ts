import { describe, expect, it } from 'vitest';
import { BACKENDS, useHqBackend } from './helpers';

describe.each(BACKENDS)('HQ service basics on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('answers /healthz after reaching the database', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
  });

  it('serves an OpenAPI document listing every route with its schemas', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/healthz',
      '/v1/analytics/deficiencies-by-category',
      '/v1/analytics/deficiency-reasons',
      '/v1/analytics/key-statistics',
      '/v1/analytics/top-deficiencies',
      '/v1/analytics/trends',
      '/v1/analytics/virtual-vs-in-person',
      '/v1/enroll',
      '/v1/enroll/undo',
      '/v1/evidence/files/{sha256}',
      '/v1/evidence/uploads',
      '/v1/evidence/uploads/{uploadId}',
      '/v1/member-records/changes',
      '/v1/policy',
      '/v1/pull',
      '/v1/push',
      '/v1/validations/{id}/history',
      '/v1/validations/{id}/receipt',
    ]);
    const push = doc.paths['/v1/push'].post;
    const request = push.requestBody.content['application/json'].schema;
    expect(request.required).toContain('changes');
    expect(request.properties.changes.maxItems).toBe(500);
    expect(request.properties.changes.items.properties.operation.enum).toEqual([
      'create',
      'upsert',
      'delete',
      'submit',
      'reopen',
    ]);
    const receipt = push.responses['200'].content['application/json'].schema.properties.receipts.items;
    expect(receipt.properties.outcome.enum).toContain('stale');
    expect(push.security).toEqual([{ deviceToken: [] }]);
    expect(doc.paths['/v1/enroll'].post.security).toBeUndefined();
    expect(doc.paths['/v1/enroll'].post.requestBody.content['application/json'].schema.required).toEqual([
      'code',
      'deviceName',
    ]);
    expect(doc.paths['/v1/enroll/undo'].post.security).toEqual([{ deviceToken: [] }]);
    expect(Object.keys(doc.paths['/v1/enroll/undo'].post.responses)).toEqual(['200', '400', '401', '409']);
    const history = doc.paths['/v1/validations/{id}/history'].get;
    expect(history.security).toEqual([{ deviceToken: [] }]);
    expect(Object.keys(history.responses).sort()).toEqual(['200', '400', '401', '403', '404']);
    const events = history.responses['200'].content['application/json'].schema.properties.events.items;
    expect(events.properties.kind.enum).toContain('APPROVE');
    expect(events.properties.actor.required).toEqual(['userId', 'name', 'role']);
    const setPolicy = doc.paths['/v1/policy'].put;
    expect(setPolicy.security).toEqual([{ deviceToken: [] }]);
    expect(setPolicy.requestBody.content['application/json'].schema.required).toEqual(['baseVersion', 'policy']);
    expect(Object.keys(setPolicy.responses).sort()).toEqual(['200', '400', '401', '403', '409']);
    expect(doc.paths['/v1/policy'].get.responses['200'].content['application/json'].schema.required).toContain(
      'version',
    );
  });

  it('answers unknown routes with a 404 error body', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/v1/nothing' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});
