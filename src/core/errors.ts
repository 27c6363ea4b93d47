// Errors the core raises on purpose. Each carries an envelope code so the hosts can
// return it across IPC or HTTP as a value, with a message written for the user.
import type { ErrorCode } from '../shared/api';

export class WorkbenchError extends Error {
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
