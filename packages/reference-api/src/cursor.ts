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

interface CursorPayload {
  /** The query the cursor belongs to (filters and sort), so it cannot be reused with another. */
  q: string;
  v: SortPosition['value'];
  id: string;
}

/** Encodes a position and the query it belongs to as a URL-safe string. */
export function encodeCursor(queryKey: string, position: SortPosition): string {
  const payload: CursorPayload = { q: queryKey, v: position.value, id: position.id };
  return toBase64Url(JSON.stringify(payload));
}

/**
 * Decodes a cursor made by {@link encodeCursor} for the same query.
 *
 * @throws ApiProblemError 400 `invalid_request` when the cursor is damaged or belongs to another query.
 */
export function decodeCursor(queryKey: string, cursor: string): SortPosition {
  let payload: unknown;
  try {
    payload = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw invalidCursor('cursor: not a cursor this API issued');
  }
  if (!isPayload(payload)) throw invalidCursor('cursor: not a cursor this API issued');
  if (payload.q !== queryKey) {
    throw invalidCursor(
      'cursor: belongs to a different search, filter or sort; start again without a cursor',
    );
  }
  return { value: payload.v, id: payload.id };
}

function isPayload(value: unknown): value is CursorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { q, v, id } = value as Record<string, unknown>;
  return (
    typeof q === 'string' &&
    typeof id === 'string' &&
    (v === null || typeof v === 'string' || typeof v === 'number')
  );
}

function invalidCursor(detail: string): ApiProblemError {
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
