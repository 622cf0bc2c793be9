/**
 * A small checker for the JSON Schemas the contract compiles to (see `contract.ts`): the keywords
 * those schemas use and nothing more. It is what lets the client check every answer without
 * shipping a schema library to the browser.
 *
 * @module
 */

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

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
  readonly pattern?: string;
  /** Named in messages instead of the pattern, which can be long. */
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
}

/**
 * A JSON Schema that stands for values of type `T`: what the client's checks resolve with.
 * The type parameter exists for the compiler only.
 */
export type Schema<T> = JsonSchema & { readonly __type?: T };

/** Where a value breaks its schema, and how. */
export interface Issue {
  path: PropertyKey[];
  message: string;
}

const patterns = new Map<string, RegExp>();

/** Patterns are compiled once; the same few are tested against every user of every page. */
function compiled(pattern: string): RegExp {
  let regexp = patterns.get(pattern);
  if (!regexp) patterns.set(pattern, (regexp = new RegExp(pattern)));
  return regexp;
}

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** Whether `value` is of JSON type `type`. Like zod, `NaN` and infinities are not numbers. */
function isOfType(value: unknown, type: JsonType): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return Number.isFinite(value);
  return kindOf(value) === type;
}

/**
 * The first place where `value` breaks `schema`, or undefined when it fits. Properties an object
 * schema does not name are allowed (the server may add fields) unless `additionalProperties` is
 * false.
 */
export function findIssue(schema: JsonSchema, value: unknown, path: PropertyKey[] = []): Issue | undefined {
  const issue = (message: string): Issue => ({ path, message });
  const { type } = schema;
  if (type !== undefined) {
    const types = typeof type === 'string' ? [type] : type;
    if (!types.some((each) => isOfType(value, each))) {
      return issue(`expected ${types.join(' or ')}, got ${kindOf(value)}`);
    }
  }
  if (schema.enum && !schema.enum.includes(value as string)) {
    return issue(`expected one of ${schema.enum.map((each) => JSON.stringify(each)).join(', ')}`);
  }
  if (schema.anyOf) return findInAnyOf(schema.anyOf, value, path);
  if (typeof value === 'string') return findInString(schema, value, path);
  if (typeof value === 'number') return findInNumber(schema, value, path);
  if (Array.isArray(value)) {
    if (!schema.items) return undefined;
    for (let index = 0; index < value.length; index++) {
      const found = findIssue(schema.items, value[index], [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    return findInObject(schema, value as Record<string, unknown>, path);
  }
  return undefined;
}

/**
 * A value fits when one branch fits. Otherwise the issue found deepest explains most: for a
 * nullable object, what is wrong inside the object rather than "expected null".
 */
function findInAnyOf(
  branches: readonly JsonSchema[],
  value: unknown,
  path: PropertyKey[],
): Issue | undefined {
  let deepest: Issue | undefined;
  for (const branch of branches) {
    const found = findIssue(branch, value, path);
    if (!found) return undefined;
    if (!deepest || found.path.length > deepest.path.length) deepest = found;
  }
  return deepest;
}

function findInString(schema: JsonSchema, value: string, path: PropertyKey[]): Issue | undefined {
  const { minLength = 0, maxLength = Infinity, pattern } = schema;
  if (value.length < minLength) return { path, message: `must be at least ${minLength} characters` };
  if (value.length > maxLength) return { path, message: `must be at most ${maxLength} characters` };
  if (pattern !== undefined && !compiled(pattern).test(value)) {
    return { path, message: schema.format ? `expected a ${schema.format}` : `must match /${pattern}/` };
  }
  return undefined;
}

function findInNumber(schema: JsonSchema, value: number, path: PropertyKey[]): Issue | undefined {
  const { minimum = -Infinity, maximum = Infinity, exclusiveMinimum = -Infinity } = schema;
  if (value < minimum) return { path, message: `must be at least ${minimum}` };
  if (value <= exclusiveMinimum) return { path, message: `must be more than ${exclusiveMinimum}` };
  if (value > maximum) return { path, message: `must be at most ${maximum}` };
  return undefined;
}

function findInObject(
  schema: JsonSchema,
  value: Record<string, unknown>,
  path: PropertyKey[],
): Issue | undefined {
  const properties = schema.properties ?? {};
  for (const key of schema.required ?? []) {
    if (!(key in value)) return { path: [...path, key], message: 'is required' };
  }
  for (const key in properties) {
    // An optional property may be absent or undefined (as zod allows); when present it must fit.
    if (value[key] === undefined && !schema.required?.includes(key)) continue;
    const found = findIssue(properties[key]!, value[key], [...path, key]);
    if (found) return found;
  }
  if (schema.additionalProperties === false) {
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(properties, key)) return { path: [...path, key], message: 'is not allowed' };
    }
  }
  return undefined;
}

/**
 * A copy of `value`, which fits `schema`, with only the properties the schema names: callers get
 * the contract's fields and nothing a newer server added.
 */
export function pickKnown<T>(schema: Schema<T>, value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const { items } = schema;
    return (items ? value.map((item: unknown) => pickKnown(items, item)) : value) as T;
  }
  if (schema.anyOf) {
    const branch = schema.anyOf.find((each) => !findIssue(each, value));
    return branch ? pickKnown(branch, value) : value;
  }
  const { properties } = schema;
  if (!properties) return value;
  const known: Record<string, unknown> = {};
  for (const key in properties) {
    if (key in value) known[key] = pickKnown(properties[key]!, (value as Record<string, unknown>)[key]);
  }
  return known as T;
}
