import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';

describe('HTTP surface: OpenAPI, security headers, body limit, CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT: '2kb' } });
  });
  afterAll(async () => t.close());

  test('OpenAPI is public at /api/docs-json and documents command bodies from their schemas', async () => {
    const docs = await t.requestAs(null, 'GET', '/docs-json');
    expect(docs.status).toBe(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    const register = docs.body.paths['/api/units'].post;
    expect(register.requestBody.content['application/json'].schema.properties.type.enum).toContain('private_school');
    expect((await t.requestAs(null, 'GET', '/docs')).status).toBe(200);
  });

  test('responses carry security headers and no CORS header unless configured', async () => {
    const response = await fetch(`${t.api}/health`, { headers: { origin: 'http://evil.example' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('a body over the limit is a 413 with the one error shape, and writes nothing', async () => {
    const response = await t.request('POST', '/units', { name: '桥'.repeat(2000), type: 'public_school' });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      code: 'request.too-large',
      message: '请求体过大',
      messages: { zh: '请求体过大' },
    });
  });
});
