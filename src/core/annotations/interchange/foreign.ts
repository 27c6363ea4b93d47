// An annotation read from another tool's file, reduced to what a highlight here can hold:
// the address it points at, the quote and position that place it, its note, tags and
// entity tags. Both readers (Hypothesis, W3C) produce these, so matching, anchoring and
// the report are written once.
import type { AnnotationKind } from '../../../shared/model';

/** An entity tag: found here by id, external id or name, else created. */
export interface ForeignEntity {
  name: string;
  type?: string;
  /** A Wikidata QID or another identifier the entity carries. */
  externalId?: string;
  /** Our own id, when the file is a workbench export (urn:research-workbench:entity:<id>). */
  localId?: string;
}

export interface ForeignQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface ForeignAnnotation {
  /** 1-based place in the file. */
  index: number;
  sourceId?: string;
  /** The target's source address ('' when it has none). */
  url: string;
  title?: string;
  quote?: ForeignQuote;
  /**
   * Where the quote was in the other tool's text: a hint only, since that text is rarely
   * ours. W3C counts code points; Hypothesis counts UTF-16 units like JavaScript.
   */
  position?: { start: number; end: number; unit: 'utf16' | 'codepoint' };
  /** A kind's id, as the file gives it: a built-in's, or a user's that this codebook may lack. */
  kind?: AnnotationKind;
  note: string;
  tags: string[];
  entities: ForeignEntity[];
  /** Why it cannot become a highlight at all (a reply, a note on a whole page). */
  unusable?: string;
}

/** A file that is not what it claims, named down to the field: nothing is imported. */
export class AnnotationsFileError extends Error {}
