import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Content types of what Vite puts in assets/; anything else is sent as octet-stream. */
const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  png: 'image/png',
  woff2: 'font/woff2',
};

/** The encodings the admin's build writes beside each asset (admin/vite.config.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * The admin's hashed assets (`/assets/index-3CHSbwdu.js`): a name changes with its content, so browsers
 * keep them a year without asking again; each is sent as the build's `.br` or `.gz` when the browser
 * accepts it. A missing asset is a 404, never index.html (which would then be cached as a script).
 */
export const adminAssets = (dist: string) => (request: Request, response: Response, next: NextFunction) => {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || !request.path.startsWith('/assets/')) return next();
  const name = request.path.slice('/assets/'.length);
  const file = join(dist, 'assets', name);
  if (!/^[\w.-]+$/.test(name) || name.startsWith('.') || !existsSync(file)) {
    response.status(404).type('text/plain').send('Not found');
    return;
  }
  const extension = name.slice(name.lastIndexOf('.') + 1);
  // Brotli whenever the browser takes it (smaller than gzip), whatever order its header lists them in.
  const encoding = ENCODINGS.find((e) => request.acceptsEncodings(e.name) === e.name && existsSync(file + e.suffix));
  response.setHeader('Content-Type', TYPES[extension] ?? 'application/octet-stream');
  response.setHeader('Vary', 'Accept-Encoding');
  if (encoding) response.setHeader('Content-Encoding', encoding.name);
  response.sendFile(encoding ? file + encoding.suffix : file, { maxAge: '1y', immutable: true }, (error) => {
    if (error && !response.headersSent) next(error);
  });
};

/** index.html and the few files beside it: revalidated on every load, so a release shows at once. */
export const revalidate = (response: Response) => response.setHeader('Cache-Control', 'no-cache');
