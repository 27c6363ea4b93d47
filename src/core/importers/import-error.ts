// An import that cannot be read: names the file and says why, for the user.
import { WorkbenchError } from '../../shared/errors';

export class ImportError extends WorkbenchError {
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super('INVALID_INPUT', `${fileName} could not be imported: ${reason}.`);
  }
}

/** Refuses a file that decoded to nothing a reader could read. */
export function noReadableText(fileName: string): never {
  throw new ImportError(fileName, 'it contains no readable text');
}
