import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { ensureAdminBuilt } from './browser.js';

/**
 * Issue 9 item 7: the admin was one 1.3 MB script sent uncompressed with `max-age=0`. Now the first page
 * loads a small entry script and the vendor chunks, each precompressed (brotli, gzip) and cached for a
 * year under its hashed name, while index.html is revalidated on every load.
 */
interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Plain node:http, so the test sees the bytes on the wire (fetch would decompress them). */
const get = (url: string, acceptEncoding?: string): Promise<Raw> =>
  new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });

describe('the admin bundle over HTTP (e2e)', () => {
  let t: TestApp;
  let base: string;
  let index: Raw;
  let scripts: string[];

  beforeAll(async () => {
    ensureAdminBuilt();
    t = await startTestApp({ signIn: false });
    base = t.api.replace(/\/api$/, '');
    index = await get(`${base}/`, 'br, gzip');
    const html = index.body.toString('utf8');
    scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  }, 300_000);
  afterAll(async () => t.close());

  test('index.html is revalidated on every load; so is any admin route the browser asks for', async () => {
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    const route = await get(`${base}/units/some-route`);
    expect([route.status, route.headers['cache-control']]).toEqual([200, 'no-cache']);
    expect(route.body.toString('utf8')).toContain('<div id="root">');
  });

  test('the entry script is small, brotli- or gzip-encoded as accepted, and cached a year as immutable', async () => {
    const entry = scripts.find((s) => /\/assets\/index-[\w-]+\.js$/.test(s))!;
    expect(entry).toBeDefined();
    const br = await get(`${base}${entry}`, 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    const source = brotliDecompressSync(br.body);
    expect(source.length).toBeLessThan(200_000); // was 1.3 MB: the screens are chunks of their own now
    expect(br.body.length).toBeLessThan(source.length / 2);

    const gzip = await get(`${base}${entry}`, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(source)).toBe(true);

    const plain = await get(`${base}${entry}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(source)).toBe(true);
  });

  test('everything the first page loads is compressed, well under the old 1.3 MB', async () => {
    expect(scripts.length).toBeGreaterThan(2); // the entry and its vendor chunks
    let wire = 0;
    for (const script of scripts) {
      const response = await get(`${base}${script}`, 'br, gzip');
      expect([script, response.status, response.headers['content-encoding']]).toEqual([script, 200, 'br']);
      wire += response.body.length;
    }
    expect(wire).toBeLessThan(450_000);
  });

  test('a missing asset is a 404, not index.html cached as a script', async () => {
    const missing = await get(`${base}/assets/index-gone.js`, 'br');
    expect(missing.status).toBe(404);
    expect(String(missing.headers['cache-control'])).not.toMatch(/immutable/);
  });
});
