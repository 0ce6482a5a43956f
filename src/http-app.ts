import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import helmet from 'helmet';
import { AppModule } from './app.module.js';
import { adminAssets, revalidate } from './core/http/admin-static.js';
import { refuseDeepBodies } from './core/http/body-depth.js';
import { setUpOpenApi } from './core/http/openapi.js';
import type { AppConfig } from './config.js';
import type { Feature } from './core/feature.js';

/** Where `npm run build:admin` puts the admin: served at / beside the API at /api. */
export const ADMIN_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'admin', 'dist');

/** Builds the Nest application with everything main.ts and the e2e tests share. */
export const createHttpApp = async (
  config: AppConfig,
  options: { logger?: false; overrides?: { token: symbol; value: unknown }[]; features?: readonly Feature[] } = {},
) => {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, options.overrides, options.features),
    {
      bodyParser: false,
      logger: options.logger ?? ([config.logLevel, 'error', 'warn'].filter((v, i, a) => a.indexOf(v) === i) as never),
    },
  );
  app.setGlobalPrefix('api');
  app.useBodyParser('json', { limit: config.http.bodyLimit });
  app.use(refuseDeepBodies);
  app.disable('x-powered-by');
  // request.ip: the client's address as the configured proxies report it (sign-in lockout, rate limit).
  app.set('trust proxy', config.http.trustProxy);
  app.use(
    helmet({
      // react-admin styles with emotion (inline <style>); everything else comes from this origin only.
      contentSecurityPolicy: {
        directives: {
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  setUpOpenApi(app);
  if (config.http.corsOrigins.length > 0)
    app.enableCors({ origin: config.http.corsOrigins, exposedHeaders: ['Content-Range'] });
  if (existsSync(ADMIN_DIST)) {
    app.use(adminAssets(ADMIN_DIST));
    app.useStaticAssets(ADMIN_DIST, { index: false, setHeaders: revalidate });
    // The admin routes in the browser (#/units…); any other non-API GET gets its index.html.
    app.use((request: Request, response: Response, next: NextFunction) => {
      if (request.method !== 'GET' || request.path.startsWith('/api')) return next();
      revalidate(response);
      response.sendFile(join(ADMIN_DIST, 'index.html'));
    });
  }
  // Only the signals that ask for a shutdown. Nest's default list includes SIGBUS and SIGSEGV: a
  // listener for those makes a real fault (a -shm page the disk cannot supply) re-fault forever
  // at full CPU instead of ending the process.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT', 'SIGHUP']);
  return app;
};
