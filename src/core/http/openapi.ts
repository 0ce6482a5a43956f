import type { INestApplication } from '@nestjs/common';
import { ApiBody, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod';

/** Documents a route's JSON body with the zod schema that validates it, so the docs cannot drift. */
export const BodySchema = (schema: z.ZodType) =>
  ApiBody({ schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> });

/** OpenAPI at /api/docs (UI) and /api/docs-json (the document). */
export const setUpOpenApi = (app: INestApplication): void => {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('党建台账 Party Ledger API')
      .setDescription(
        'Commands answer where their events landed; lists follow ra-data-simple-rest (sort, range, filter, Content-Range). ' +
          "Errors: { statusCode, code, message (in the request's language: ?lang=en or Accept-Language; Chinese by default), messages: { zh, en }, field?, errors?: { field: text }, fieldMessages?: { field: { zh, en } } }.",
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', customSiteTitle: '党建台账 API' });
};
