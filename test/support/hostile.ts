import fc from 'fast-check';

/** The JSON Schema of a route's body, as its zod schema documents it in /api/docs-json. */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  maxItems?: number;
  minimum?: number;
  maximum?: number;
}

/** Names that reach Object.prototype's members wherever client text is used as a plain object's key. */
export const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];

/** What careless or hostile clients send: prototype names, extreme numbers and dates, wrong shapes. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    ...PROTOTYPE_NAMES,
    null,
    '',
    ' ',
    '9999-12-31',
    '0001-01-01',
    '2026-02-30',
    '1e21',
    1e21,
    -1,
    -0,
    2 ** 53 + 1,
    1.5,
    Number.MAX_VALUE,
    true,
    [],
    {},
    [null],
    { toString: 1 },
    { valueOf: 'x' },
    'x'.repeat(5000),
    '💥\u0000\u202e',
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Dates around the edges of the calendar and of what the app accepts (1900–2100), and ordinary ones. */
const EDGE_DATES = ['1900-01-01', '2100-12-31', '1899-12-31', '2101-01-01', '9999-12-31', '2024-02-29', '2026-11-23'];
const dates = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGE_DATES), weight: 1 },
  {
    arbitrary: fc
      .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2026-11-20T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    weight: 2,
  },
);

/** Existing records for a body's id fields (by the field's name), and every id for the others. */
export interface Records {
  forField: (name: string) => string | undefined;
  all: string[];
}

const plausible = (schema: JsonSchema, records: Records, name: string): fc.Arbitrary<unknown> => {
  // `x | null` (nullish fields): mostly the value, since null is always allowed there.
  if (schema.anyOf)
    return fc.oneof(
      ...schema.anyOf.map((s) => ({ arbitrary: plausible(s, records, name), weight: s.type === 'null' ? 1 : 3 })),
    );
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string': {
      const own = records.forField(name);
      if (schema.format === 'uuid')
        return own
          ? fc.oneof({ arbitrary: fc.constant(own), weight: 8 }, fc.constantFrom(...records.all), fc.uuid())
          : fc.oneof(fc.constantFrom(...records.all), fc.uuid());
      if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return dates;
      return fc.oneof(
        { arbitrary: fc.constantFrom('桥山中学', '李明', 'user-pass-2026', own ?? 'a'), weight: 3 },
        fc.string({ maxLength: 20 }),
      );
    }
    case 'integer':
    case 'number': {
      const min = Math.max(schema.minimum ?? -2, -1000);
      const max = Math.min(schema.maximum ?? 30, 1000);
      return fc.oneof({ arbitrary: fc.integer({ min, max }), weight: 3 }, fc.constantFrom(-1, 0, 2 ** 31));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(plausible(schema.items ?? {}, records, name), { maxLength: 3 });
    case 'object':
      return bodyFor(schema, records);
    default:
      return hostileValue;
  }
};

/**
 * A body for `schema` as a client might get it wrong: every field plausible (ids of existing records,
 * dates from the edges of the calendar), then now and then a field or two left out or made hostile, and now and
 * then an unknown or prototype-named key. Mostly-valid bodies reach the deciders, where the 500s were.
 */
export const bodyFor = (schema: JsonSchema, records: Records): fc.Arbitrary<Record<string, unknown>> => {
  const names = Object.keys(schema.properties ?? {});
  const fields = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, field]) => [name, plausible(field, records, name)]),
  );
  const mutation = names.length
    ? fc.tuple(fc.constantFrom(...names), fc.option(hostileValue, { freq: 2, nil: undefined }))
    : fc.constant(undefined);
  return fc
    .tuple(
      fc.record(fields),
      fc.oneof({ arbitrary: fc.constant([]), weight: 3 }, fc.array(mutation, { minLength: 1, maxLength: 2 })),
      fc.oneof(
        { arbitrary: fc.constant(null), weight: 5 },
        fc.tuple(fc.constantFrom(...PROTOTYPE_NAMES, 'idNumber'), hostileValue),
      ),
    )
    .map(([body, mutations, extra]) => {
      for (const change of mutations) {
        if (!change) continue;
        const [name, value] = change;
        if (value === undefined) delete body[name];
        else body[name] = value;
      }
      // defineProperty: a `__proto__` key must travel as a key, as it does in JSON text.
      if (extra) Object.defineProperty(body, extra[0], { value: extra[1], enumerable: true, configurable: true });
      return body;
    });
};

/** List query strings: sort, range and filter, from sensible to hostile. */
export const listQuery = (sortable: string[], filterable: string[]) =>
  fc.record(
    {
      sort: fc.oneof(
        fc.tuple(fc.constantFrom(...sortable, 'id', ...PROTOTYPE_NAMES), fc.constantFrom('ASC', 'DESC', 'asc', 'up')),
        hostileValue,
      ),
      range: fc.oneof(
        fc.tuple(fc.nat(50), fc.nat(60)),
        fc.constantFrom<unknown>([], [0], [1e20, 1e21], [-1, 3], [0.5, 2], [0, 2 ** 53], '0-9'),
        hostileValue,
      ),
      filter: fc.oneof(
        fc.dictionary(fc.constantFrom(...filterable, ...PROTOTYPE_NAMES), hostileValue, { maxKeys: 2 }),
        hostileValue,
      ),
    },
    { requiredKeys: [] },
  );
