// codebook.*: the user's highlight kinds (name, colour), hierarchical codes (the tags on
// highlights, filed in a tree) and link relations. Every change is one undoable command;
// those that take tags off highlights are confirmed with the number of highlights they
// change, counted in the same command, as deleting an entity is.
import { z } from 'zod';
import {
  Colour,
  Id,
  Tag,
  type Code,
  type Codebook,
  type HighlightKindDef,
  type LinkRelation,
} from '../model';
import { Empty } from './workspace';
import { method, namespace } from './define';

const KindLabel = z.string().trim().min(1, 'a kind needs a name').max(60);
const RelationLabel = z.string().trim().min(1, 'a relation needs a name').max(60);
const Usage = z.number().int().nonnegative();

/** What to do with the codes under a code that is deleted. */
export const CHILDREN_ON_DELETE = ['delete', 'lift'] as const;
export type ChildrenOnDelete = (typeof CHILDREN_ON_DELETE)[number];

export const DeleteCodeInput = z.strictObject({
  name: Tag,
  /** `delete` takes the codes under it too; `lift` files them under its parent. */
  children: z.enum(CHILDREN_ON_DELETE),
  /** How many highlights lose a tag, as the preview said. */
  confirmUsage: Usage,
});

export interface CodeUsage {
  /** The codes that would go (the code, and with `delete` those under it). */
  codes: string[];
  /** Highlights that would lose at least one tag. */
  highlights: number;
}

export interface CodeChange {
  /** The code's name now. */
  name: string;
  /** The code in the codebook (absent when a free tag was renamed: it stays a free tag). */
  code?: Code;
  /** Highlights whose tags were rewritten. */
  retagged: number;
}

export const codebookMethods = namespace('codebook', {
  'codebook.get': method<Codebook>()(Empty),

  'codebook.createKind': method<HighlightKindDef>()(
    z.strictObject({ label: KindLabel, colour: Colour }),
  ),
  'codebook.updateKind': method<HighlightKindDef>()(
    z.strictObject({ id: Id, label: KindLabel.optional(), colour: Colour.optional() }),
  ),
  /** Moves a kind to a place in the list (its place is its reader key, 1–9). */
  'codebook.moveKind': method<Codebook>()(
    z.strictObject({ id: Id, index: z.number().int().nonnegative() }),
  ),
  /** How many highlights are of a kind (what deleting it reassigns). */
  'codebook.kindUsage': method<number>()(z.strictObject({ id: Id })),
  /** Deletes a kind; its highlights become `reassignTo`, confirmed by their number. */
  'codebook.deleteKind': method<{ id: string; reassigned: number }>()(
    z.strictObject({ id: Id, reassignTo: Id, confirmUsage: Usage }),
  ),

  /** Files a code (a new one, or a free tag already in use) in the codebook. */
  'codebook.createCode': method<Code>()(
    z.strictObject({
      name: Tag,
      parent: Tag.optional(),
      colour: Colour.optional(),
      description: z.string().max(20_000).optional(),
    }),
  ),
  'codebook.updateCode': method<Code>()(
    z.strictObject({
      name: Tag,
      colour: Colour.nullable().optional(),
      description: z.string().max(20_000).optional(),
    }),
  ),
  /** Renames a code, and the tag on every highlight that carries it. */
  'codebook.renameCode': method<CodeChange>()(z.strictObject({ name: Tag, to: Tag })),
  /** Files a code under another (`parent`), or at the top level (null). */
  'codebook.moveCode': method<Code>()(z.strictObject({ name: Tag, parent: Tag.nullable() })),
  /** Merges codes into one: their highlights carry it instead, their children move under it. */
  'codebook.mergeCodes': method<CodeChange>()(
    z.strictObject({ names: z.array(Tag).min(1).max(200), into: Tag }),
  ),
  'codebook.codeUsage': method<CodeUsage>()(
    z.strictObject({ name: Tag, children: z.enum(CHILDREN_ON_DELETE) }),
  ),
  'codebook.deleteCode': method<{ removed: string[]; untagged: number }>()(DeleteCodeInput),

  'codebook.createRelation': method<LinkRelation>()(z.strictObject({ label: RelationLabel })),
  'codebook.updateRelation': method<LinkRelation>()(
    z.strictObject({ id: Id, label: RelationLabel }),
  ),
  /** Deletes a relation and the links that say it, confirmed by their number. */
  'codebook.deleteRelation': method<{ id: string; unlinked: number }>()(
    z.strictObject({ id: Id, confirmUsage: Usage }),
  ),
});
