// The codebook as every part reads it: a workspace's own, or the default one (the built-in
// kinds, no codes, the default link relations) where the workspace never changed it; a
// kind's label and reader key; and a kind id that names no kind of the codebook (a file
// edited by hand) shown by its id rather than failing.
import { DEFAULT_RELATIONS } from '../concepts/link-relations';
import { HIGHLIGHT_KINDS } from '../concepts/highlight-kinds';
import { kindKeyAt, kindPlaceOf } from '../concepts/keymap';
import type { Codebook, HighlightKindDef, LinkRelation } from '../model';

export function defaultCodebook(): Codebook {
  return {
    kinds: HIGHLIGHT_KINDS.map(({ id, label, colour }) => ({ id, label, colour })),
    codes: [],
    relations: DEFAULT_RELATIONS.map(({ id, label }) => ({ id, label })),
  };
}

const DEFAULT = defaultCodebook();

/** The codebook a workspace file holds, or the default one. */
export const codebookOf = (ws: { codebook?: Codebook }): Codebook => ws.codebook ?? DEFAULT;

/** A kind of the codebook, or a stand-in for an id it does not know (grey, named by its id). */
export function kindOf(codebook: Codebook, id: string): HighlightKindDef {
  return codebook.kinds.find((k) => k.id === id) ?? { id, label: id, colour: '#999999' };
}

export const kindLabel = (codebook: Codebook, id: string): string => kindOf(codebook, id).label;

/** The reader's key for a kind: its place in the list, 1 to 9 (the keymap's kind keys). */
export function kindKey(codebook: Codebook, id: string): string | undefined {
  return kindKeyAt(codebook.kinds.findIndex((k) => k.id === id));
}

/** The kind a reader's key press means, if any. */
export function kindForKey(codebook: Codebook, key: string): string | undefined {
  const place = kindPlaceOf(key);
  return place === undefined ? undefined : codebook.kinds[place]?.id;
}

export function relationOf(codebook: Codebook, id: string): LinkRelation {
  return codebook.relations.find((r) => r.id === id) ?? { id, label: id };
}
