// The one error the workbench raises on purpose, on both sides of the process boundary:
// the core throws it, the dispatcher turns it into an envelope's error, and the renderer's
// clients turn that back into the same error. Each carries a code and a message written
// for the user.
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'READ_ONLY',
  'IN_USE',
  'CONFLICT',
  'WRITE_FAILED',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class WorkbenchError extends Error {
  override readonly name = 'WorkbenchError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string): WorkbenchError =>
  new WorkbenchError('NOT_FOUND', `No ${what} with id "${id}" in this workspace.`);

export const readOnly = (reason: string): WorkbenchError =>
  new WorkbenchError('READ_ONLY', `Not saved: ${reason}`);
