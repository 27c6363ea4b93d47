// An annotations file, from its text to the annotations it holds: JSON first (with the
// parser's own complaint when it is not), then which kind of file it is, then every
// annotation read by that kind's reader. Any problem is an AnnotationsFileError naming
// the field, so a bad file is refused whole and nothing is imported from it.
import type { AnnotationsFormat } from '../../../shared/methods/annotations';
import { MAX_IMPORTED_ANNOTATIONS } from '../../../shared/methods/annotations';
import { WorkbenchError } from '../../../shared/errors';
import { AnnotationsFileError, type ForeignAnnotation } from './foreign';
import { isHypothesis, readHypothesis } from './read-hypothesis';
import { isW3c, readW3c } from './read-w3c';

export interface AnnotationsFile {
  format: AnnotationsFormat;
  annotations: ForeignAnnotation[];
}

const NEITHER =
  'This file is neither a Hypothesis export (a list, "rows" or "annotations" of objects with "uri" and "target") nor W3C Web Annotation JSON-LD (an object of type Annotation, AnnotationPage or AnnotationCollection, or a list of annotations).';

export function readAnnotationsFile(json: string): AnnotationsFile {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new WorkbenchError(
      'INVALID_INPUT',
      `The file is not JSON: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  try {
    if (isHypothesis(value))
      return { format: 'hypothesis', annotations: readHypothesis(value, MAX_IMPORTED_ANNOTATIONS) };
    if (isW3c(value))
      return { format: 'w3c', annotations: readW3c(value, MAX_IMPORTED_ANNOTATIONS) };
  } catch (error) {
    if (error instanceof AnnotationsFileError)
      throw new WorkbenchError('INVALID_INPUT', `Nothing was imported: ${error.message}.`);
    throw error;
  }
  throw new WorkbenchError('INVALID_INPUT', NEITHER);
}
