import { applyDecorators, type INestApplication } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiQuery, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod';
import type { ListSpec } from './list-query.js';

/**
 * What /api/docs says about each route's input, generated from what the route itself uses: a body from
 * the zod schema that validates it, a list's query parameters from its ListSpec. Other clients are
 * generated from this document; test/spine/openapi.e2e.ts fails when a write lacks a body or a list its
 * parameters.
 */

/** Documents a route's JSON body with the zod schema that validates it, so the docs cannot drift. */
export const BodySchema = (schema: z.ZodType) =>
  ApiBody({ schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> });

/** A command that takes no body (sign out, disable, enable): none, or an empty object. */
export const NoBody = () =>
  ApiBody({
    required: false,
    description: 'No body: send none, or `{}`.',
    schema: { type: 'object', additionalProperties: false, maxProperties: 0 },
  });

/** A multipart upload of one file in the form field `field`. */
export const FileUpload = (field: string, description: string) =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      required: true,
      schema: {
        type: 'object',
        required: [field],
        properties: { [field]: { type: 'string', format: 'binary', description } },
      },
    }),
  );

const names = (record: object) => Object.keys(record).join(', ');

const sortParameter = (spec: ListSpec) =>
  ApiQuery({
    name: 'sort',
    required: false,
    schema: { type: 'string' },
    example: JSON.stringify(spec.defaultSort),
    description:
      `JSON \`["field", "ASC" | "DESC"]\`; fields: ${names(spec.sortable)}. ` +
      `Default \`${JSON.stringify(spec.defaultSort)}\`.`,
  });

const filterParameter = (spec: ListSpec) =>
  ApiQuery({
    name: 'filter',
    required: false,
    schema: { type: 'string' },
    example: '{}',
    description: `JSON object of conditions, all of which must hold; keys: ${names(spec.filters)}. An empty value is ignored.`,
  });

/**
 * A list in ra-data-simple-rest's convention: `sort`, `range` and `filter` (JSON text each), the page as
 * a JSON array, the total in `Content-Range`. Documented from the list's own ListSpec.
 */
export const ListRoute = (spec: ListSpec) =>
  applyDecorators(
    sortParameter(spec),
    ApiQuery({
      name: 'range',
      required: false,
      schema: { type: 'string' },
      example: '[0,24]',
      description: 'JSON `[start, end]`: 0-based, both included. Default `[0,24]`.',
    }),
    filterParameter(spec),
    ApiOkResponse({
      description: 'One page of the list, as a JSON array.',
      headers: {
        'Content-Range': {
          description: 'The page and the total, e.g. `units 0-24/319`.',
          schema: { type: 'string' },
        },
      },
    }),
  );

/** An export of a whole list (no `range`): its `sort` and `filter`, the file's `format` and `lang`. */
export const ExportRoute = (spec: ListSpec) =>
  applyDecorators(
    sortParameter(spec),
    filterParameter(spec),
    ApiQuery({
      name: 'format',
      required: false,
      schema: { type: 'string', enum: ['csv', 'xlsx'], default: 'csv' },
      description: 'CSV (UTF-8 with a BOM) or an Excel workbook.',
    }),
    ApiQuery({
      name: 'lang',
      required: false,
      schema: { type: 'string', default: 'zh' },
      example: 'zh',
      description: 'Language of the headers and enumerated values: `zh` (default) or `en` (`zh-CN`, `en-GB`… too).',
    }),
    ApiOkResponse({ description: 'The file, as an attachment.' }),
  );

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
