// The one error type: a message a user can act on, and the exit code of docs/CONTRACT.md §2.

export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  notFound: 3,
  conflict: 4,
  dataErr: 65,
  noInput: 66,
  /** A database server that cannot be reached (down, unknown host or database, TLS refused). */
  unavailable: 69,
  cantCreate: 73,
  tempFail: 75,
  /** A database server refused the credentials, or the role lacks a permission. */
  noPerm: 77,
  interrupted: 130,
  /** SIGTERM during a write: 128 + 15, as a shell reports a process ended by it. */
  terminated: 143,
} as const;
type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class PrecrmError extends Error {
  constructor(message: string, readonly exitCode: ExitCode, readonly details: string[] = []) {
    super(message);
    this.name = 'PrecrmError';
  }
}

export const usageError = (msg: string, details: string[] = []) => new PrecrmError(msg, EXIT.usage, details);
export const notFoundError = (msg: string) => new PrecrmError(msg, EXIT.notFound);
export const conflictError = (msg: string) => new PrecrmError(msg, EXIT.conflict);
export const dataError = (msg: string, details: string[] = []) => new PrecrmError(msg, EXIT.dataErr, details);
