// An annotations file, from its text to the annotations it holds: JSON first (with the
// parser's own complaint when it is not), then which kind of file it is, then every
// annotation read by that kind's reader. Any problem is an AnnotationsFileError naming
// the field, so a bad file is refused whole and nothing is imported from it.
import type { AnnotationsFormat } from '../../../shared/methods/annotations';
import { MAX_IMPORTED_ANNOTATIONS } from '../../../shared/methods/annotations';
import { cleanLabel } from '../../../shared/bidi';
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

/**
 * Tags, entity names and page titles as names are stored: without direction overrides or
 * control characters (src/shared/bidi.ts), trimmed, and each tag once.
 */
function asStored(a: ForeignAnnotation): ForeignAnnotation {
  const label = (s: string): string => cleanLabel(s).trim();
  const title = a.title === undefined ? undefined : label(a.title);
  return {
    ...a,
    ...(title ? { title } : {}),
    tags: [...new Set(a.tags.map(label).filter(Boolean))],
    entities: a.entities.map((e) => ({ ...e, name: label(e.name) })),
  };
}

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
      return {
        format: 'hypothesis',
        annotations: readHypothesis(value, MAX_IMPORTED_ANNOTATIONS).map(asStored),
      };
    if (isW3c(value))
      return { format: 'w3c', annotations: readW3c(value, MAX_IMPORTED_ANNOTATIONS).map(asStored) };
  } catch (error) {
    if (error instanceof AnnotationsFileError)
      throw new WorkbenchError('INVALID_INPUT', `Nothing was imported: ${error.message}.`);
    throw error;
  }
  throw new WorkbenchError('INVALID_INPUT', NEITHER);
}
