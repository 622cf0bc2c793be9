/**
 * Opaque page cursors. A cursor holds the sort position of the last user on a page (keyset
 * pagination) rather than an offset, so a user who changes status while someone pages through
 * the list does not shift the following pages into duplicates or gaps.
 *
 * @module
 */
import { ApiProblemError } from './problems.js';

/** A position in a sorted list: the sort value of a user and, to break ties, the id. */
export interface SortPosition {
  value: string | number | null;
  id: string;
}

/**
 * What a cursor holds: the user's id, and the sort value unless the store can look it up by id
 * (names and emails have no length limit, and the contract caps a cursor at 200 characters).
 */
export type CursorPosition = Pick<SortPosition, 'id'> & Partial<Pick<SortPosition, 'value'>>;

interface CursorPayload {
  /** A digest of the query the cursor belongs to, so it cannot be reused with another. */
  q: string;
  id: string;
  v?: SortPosition['value'];
}

/** Encodes a position and the query it belongs to as a URL-safe string. */
export function encodeCursor(queryKey: string, position: CursorPosition): string {
  const payload: CursorPayload = { q: digest(queryKey), id: position.id };
  if (position.value !== undefined) payload.v = position.value;
  return toBase64Url(JSON.stringify(payload));
}

/**
 * Decodes a cursor made by {@link encodeCursor} for the same query.
 *
 * @throws ApiProblemError 400 `invalid_request` when the cursor is damaged or belongs to another query.
 */
export function decodeCursor(queryKey: string, cursor: string): CursorPosition {
  let payload: unknown;
  try {
    payload = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw invalidCursor();
  }
  if (!isPayload(payload)) throw invalidCursor();
  if (payload.q !== digest(queryKey)) {
    throw invalidCursor(
      'cursor: belongs to a different search, filter or sort; start again without a cursor',
    );
  }
  return payload.v === undefined ? { id: payload.id } : { id: payload.id, value: payload.v };
}

/**
 * A short digest (32-bit FNV-1a, base 36) of a query key, which holds the search text. Telling
 * queries apart is all it is for: a collision only lets a cursor continue another query's list.
 */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193);
  return (hash >>> 0).toString(36);
}

function isPayload(value: unknown): value is CursorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { q, v, id } = value as Record<string, unknown>;
  return (
    typeof q === 'string' &&
    typeof id === 'string' &&
    (v === undefined || v === null || typeof v === 'string' || typeof v === 'number')
  );
}

/** @internal Also for a cursor whose user the store does not know. */
export function invalidCursor(detail = 'cursor: not a cursor this API issued'): ApiProblemError {
  return new ApiProblemError(400, 'invalid_request', detail);
}

// btoa/atob only take Latin-1, and names are Unicode: go through UTF-8 bytes.
function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) throw new SyntaxError('not base64url');
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
