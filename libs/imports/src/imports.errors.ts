import { DomainError } from '@app/domain';

/** An upload over IMPORT_MAX_BYTES. */
export class FileTooLargeError extends DomainError {
  readonly status = 413;
  readonly code = 'payload_too_large';

  constructor(maxBytes: number) {
    super(`The file is larger than the limit of ${formatBytes(maxBytes)} (IMPORT_MAX_BYTES)`, [
      { field: 'file', message: `at most ${maxBytes} bytes` },
    ]);
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
