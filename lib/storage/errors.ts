/**
 * Typed failures of the saved-articles library. Each carries a reader-facing English message (the UI
 * localises by `code`) and the underlying cause for logs.
 */

export type LibraryErrorCode =
  /** The browser refused to store more (QuotaExceededError): nothing was written. */
  | 'quota'
  /** A write transaction failed or aborted for another reason: nothing was written. */
  | 'write-failed'
  /** The database could not be opened (blocked, corrupt, private mode without IndexedDB). */
  | 'open-failed'
  | 'not-found';

const MESSAGES: Record<LibraryErrorCode, string> = {
  quota:
    'Your browser has no room left to save this. Nothing already saved was lost; free some disk space or delete old articles and try again.',
  'write-failed': 'Saving failed and was rolled back. Nothing already saved was lost; please try again.',
  'open-failed': 'The saved-articles database could not be opened.',
  'not-found': 'This article is not in your saved list (it may have been deleted).',
};

export class LibraryError extends Error {
  override readonly name = 'LibraryError';
  constructor(
    readonly code: LibraryErrorCode,
    options?: { cause?: unknown; message?: string },
  ) {
    super(options?.message ?? MESSAGES[code], { cause: options?.cause });
  }
}

export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const name = (error as { name?: unknown }).name;
  // Firefox used NS_ERROR_DOM_QUOTA_REACHED before it adopted the standard name.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Wraps whatever a failed write threw (or its transaction's error) in a LibraryError. */
export function toWriteError(error: unknown): LibraryError {
  if (error instanceof LibraryError) return error;
  return new LibraryError(isQuotaError(error) ? 'quota' : 'write-failed', { cause: error });
}

export type ImportErrorCode =
  | 'too-large'
  | 'empty'
  /** Does not look like JSON at all (a zip, a text file). */
  | 'not-json'
  /** Starts like JSON but does not parse. */
  | 'damaged-json'
  | 'truncated'
  /** Valid JSON holding a list, not the export's one object. */
  | 'json-array'
  /** Valid JSON holding a single string, number, boolean or null. */
  | 'json-value'
  /** An object, but not a Kontext export (no "format": "kontext-library"). */
  | 'wrong-format'
  /** The version is there but not a number ("1" as text). Params: version. */
  | 'version-not-number'
  /** A version number this Kontext never wrote (0, 1.5). Params: version. */
  | 'wrong-version'
  /** A version from a newer Kontext. Params: version. */
  | 'newer-version'
  /** A record breaks the rules (record-rules.ts); the message names the article and the field. */
  | 'invalid';

/** A file that cannot be imported. Nothing is changed when this is thrown. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  /** What the localised message needs besides the code (the version found, for instance). */
  readonly params: Record<string, string | number>;
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    options?: { cause?: unknown; params?: Record<string, string | number> },
  ) {
    super(message, { cause: options?.cause });
    this.params = options?.params ?? {};
  }
}
