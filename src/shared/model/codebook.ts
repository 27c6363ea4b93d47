// The codebook (the user's highlight kinds, codes and link relations) and the typed links
// between highlights. Part of src/shared/model.ts.
import { z } from 'zod';
import { Id, RecordTimes, Tag } from './primitives';

/** A colour as REFI-QDA and CSS both read it: `#RRGGBB`, nothing else (it is written into CSS). */
export const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #RRGGBB');

/** A kind of highlight the user can choose in the reader: a name and a colour. */
export const HighlightKindDef = z.strictObject({
  id: Id,
  label: z.string().trim().min(1, 'a kind needs a name').max(60),
  colour: Colour,
});

/** A code: a tag with a place in the codebook's hierarchy (tags on highlights name codes). */
export const Code = z.strictObject({
  id: Id,
  name: Tag,
  /** The code it is filed under; absent at the top level. */
  parentId: Id.optional(),
  colour: Colour.optional(),
  description: z.string().max(20_000).optional(),
  /** The REFI-QDA GUID it came with from another tool, kept so a round trip matches up. */
  guid: z.string().max(40).optional(),
});

/** What a link between two highlights says about them ("corroborates", "contradicts"…). */
export const LinkRelation = z.strictObject({
  id: Id,
  label: z.string().trim().min(1, 'a relation needs a name').max(60),
});

/**
 * The user's highlight kinds, codes and link relations, kept in workspace.json. Absent in
 * a workspace that never changed it: the default codebook (the four built-in kinds, no
 * codes, the four default relations) stands in.
 */
export const Codebook = z.strictObject({
  kinds: z.array(HighlightKindDef).min(1).max(60),
  codes: z.array(Code).max(10_000),
  relations: z.array(LinkRelation).min(1).max(60),
});

/** A typed link from one highlight to another, possibly in another document. */
export const HighlightLink = z.strictObject({
  id: Id,
  from: Id,
  to: Id,
  relation: Id,
  note: z.string().max(2_000).optional(),
  ...RecordTimes,
});

export type HighlightKindDef = z.infer<typeof HighlightKindDef>;
export type Code = z.infer<typeof Code>;
export type LinkRelation = z.infer<typeof LinkRelation>;
export type Codebook = z.infer<typeof Codebook>;
export type HighlightLink = z.infer<typeof HighlightLink>;
