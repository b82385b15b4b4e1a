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
  | 'not-json'
  | 'truncated'
  | 'wrong-format'
  | 'wrong-version'
  | 'invalid';

/** A file that cannot be imported. Nothing is changed when this is thrown. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
  }
}
