import type { HttpValidators } from '../../core/ports/knowledgeStore.js';

/** The meta key holding a source URL's ETag / Last-Modified from its last complete ingest. */
export function validatorsMetaKey(url: string): string {
  return `http:${url}`;
}

/** The stored validators (undefined when none or unreadable: the source is fetched in full). */
export function parseValidators(value: string | undefined): HttpValidators | undefined {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as HttpValidators;
  } catch {
    return undefined;
  }
}

/** The value to store, or null when there is nothing worth keeping (no ETag, no Last-Modified: the stored ones stay). */
export function encodeValidators(validators: HttpValidators): string | null {
  return validators.etag || validators.lastModified ? JSON.stringify(validators) : null;
}
