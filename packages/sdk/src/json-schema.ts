/**
 * A small checker for the JSON Schemas the contract compiles to (see `contract.ts`): the keywords
 * those schemas use and nothing more. It is what lets the client check every answer without
 * shipping a schema library to the browser.
 *
 * @module
 */

/**
 * JSON's types, plus two for the client's own options (JavaScript values no JSON holds):
 * `function`, compared to a value's `typeof` like `string` or `boolean`, and `AbortSignal`.
 */
export type JsonType =
  'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null' | 'function' | 'AbortSignal';

/** The subset of JSON Schema (draft 2020-12) that the contract's schemas use. */
export interface JsonSchema {
  readonly type?: JsonType | readonly JsonType[];
  readonly enum?: readonly (string | number | boolean | null)[];
  readonly anyOf?: readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  /** Only `false` is used: an object that must not have other properties. */
  readonly additionalProperties?: boolean;
  readonly items?: JsonSchema;
  /** A RegExp rather than JSON Schema's string, so it is compiled once, where it is written. */
  readonly pattern?: RegExp;
  /**
   * Named in messages instead of the pattern, which can be long. `date-time` is checked as such:
   * an RFC 3339 date-time with an offset, on a day that exists. Other formats only name their
   * pattern.
   */
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

/**
 * A JSON Schema that stands for values of type `T`: what the client's checks resolve with.
 * The type parameter exists for the compiler only.
 */
export type Schema<T> = JsonSchema & { readonly __type?: T };

/** Where in a value: property names and array indexes, from the top. */
export type IssuePath = (string | number)[];

/** Where a value breaks its schema, and how. */
export interface Issue {
  path: IssuePath;
  message: string;
}

/** What {@link parse} throws: the first issue ends the walk. */
export class SchemaIssue extends Error implements Issue {
  constructor(
    readonly path: IssuePath,
    message: string,
  ) {
    super(message);
  }
}

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/**
 * Whether `value` is of JSON type `type`. Like zod, `NaN` and infinities are not numbers, and an
 * integer is a safe one: past 2^53, JSON's digits and the number read differ.
 */
function isOfType(value: unknown, type: JsonType): boolean {
  if (type === 'integer') return Number.isSafeInteger(value);
  if (type === 'number') return Number.isFinite(value);
  // By its tag rather than `instanceof`: a signal of another realm or of a polyfill is one too.
  if (type === 'AbortSignal') return Object.prototype.toString.call(value) === '[object AbortSignal]';
  return kindOf(value) === type;
}

/** Whether `value` is of a type `schema` allows; a schema that names no type allows any. */
const fitsType = ({ type }: JsonSchema, value: unknown): boolean =>
  type === undefined ||
  (typeof type === 'string' ? isOfType(value, type) : type.some((each) => isOfType(value, each)));

/**
 * An RFC 3339 date-time as the contract's zod schema takes it: upper-case `T` and `Z`, seconds,
 * an offset, no leap second. Whether the day exists is checked apart (see {@link isDateTime}).
 * Its groups capture, unused: `(?:` would only add bytes to every page that loads the client.
 */
const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * Whether `value` is a date-time on a day that exists. Shorter than one pattern that knows each
 * month's days and the leap years: a date past its month's end (30 February) rolls over into the
 * next month, and its day of the month is no longer the one written.
 */
const isDateTime = (value: string): boolean => {
  const day = value.slice(8, 10);
  // Every month has a 28th: only a later day needs the Date, which is slow to make.
  return DATE_TIME.test(value) && (day < '29' || new Date(value.slice(0, 10)).getUTCDate() === Number(day));
};

const fail = (path: IssuePath, message: string): never => {
  throw new SchemaIssue(path, message);
};

/**
 * `value` checked against `schema`, as a copy in which objects keep only the properties their
 * schema names (callers get the contract's fields, not what a newer server added). Throws a
 * {@link SchemaIssue} at the first place where `value` does not fit. Properties a schema does not
 * name are allowed unless `additionalProperties` is false.
 */
function read(schema: JsonSchema, value: unknown, path: IssuePath): unknown {
  // Only a schema that names a type can refuse one.
  if (!fitsType(schema, value))
    fail(path, `expected ${[schema.type].flat().join(' or ')}, got ${kindOf(value)}`);
  if (schema.enum && !schema.enum.includes(value as string)) {
    fail(path, `expected one of ${schema.enum.map((each) => JSON.stringify(each)).join(', ')}`);
  }
  if (schema.anyOf) return readAnyOf(schema.anyOf, value, path);
  if (typeof value === 'string') {
    const { minLength = 0, maxLength = Infinity, pattern } = schema;
    if (value.length < minLength) fail(path, `must be at least ${minLength} characters`);
    if (value.length > maxLength) fail(path, `must be at most ${maxLength} characters`);
    if ((pattern && !pattern.test(value)) || (schema.format === 'date-time' && !isDateTime(value))) {
      fail(path, schema.format ? `expected a ${schema.format}` : `must match ${pattern}`);
    }
  }
  if (typeof value === 'number') {
    const { minimum = -Infinity, maximum = Infinity } = schema;
    if (value < minimum) fail(path, `must be at least ${minimum}`);
    if (value > maximum) fail(path, `must be at most ${maximum}`);
  }
  const { items, properties } = schema;
  if (Array.isArray(value))
    return items ? value.map((item, index) => read(items, item, [...path, index])) : value;
  if (typeof value !== 'object' || value === null || !properties) return value;
  const object = value as Record<string, unknown>;
  const required = schema.required ?? [];
  for (const key of required) if (!(key in object)) fail([...path, key], 'is required');
  if (schema.additionalProperties === false) {
    for (const key of Object.keys(object))
      if (!Object.hasOwn(properties, key)) fail([...path, key], 'is not allowed');
  }
  const known: Record<string, unknown> = {};
  for (const key in properties) {
    // An optional property may be absent or undefined (as zod allows); when present it must fit.
    if (object[key] === undefined && !required.includes(key)) continue;
    known[key] = read(properties[key]!, object[key], [...path, key]);
  }
  return known;
}

/**
 * A value fits when one branch fits. Otherwise the issue found deepest explains most: for a
 * nullable object, what is wrong inside the object rather than "expected null".
 */
function readAnyOf(branches: readonly JsonSchema[], value: unknown, path: IssuePath): unknown {
  // Only branches of the value's own type are read, when there are any: a nullable field that
  // is null goes straight to its null branch, and nothing is thrown (an Error costs microseconds).
  const candidates = branches.filter((branch) => fitsType(branch, value));
  let deepest: SchemaIssue | undefined;
  for (const branch of candidates.length > 0 ? candidates : branches) {
    try {
      return read(branch, value, path);
    } catch (issue) {
      if (!(issue instanceof SchemaIssue)) throw issue;
      if (!deepest || issue.path.length > deepest.path.length) deepest = issue;
    }
  }
  throw deepest!;
}

/**
 * `value` checked against `schema`: a copy with only the properties the schema names. Throws a
 * {@link SchemaIssue} at the first place where it does not fit.
 */
export const parse = <T>(schema: Schema<T>, value: unknown): T => read(schema, value, []) as T;
