// The codebook as REFI-QDA `Code` elements, shared by the project (.qdpx) and the codebook
// alone (.qdc): the highlight kinds under a "Highlight kinds" category, the user's codes in
// their hierarchy (with the free tags in use at the top level), and, in a project, the
// entities under "Entities", one category per type. Categories are not codable
// (isCodable="false"); their GUIDs are fixed, so our own import knows them again.
import { codeKey, codeNamed, childrenOf } from '../../../shared/codebook/code-tree';
import type { Code, Codebook, Entity } from '../../../shared/model';
import { guidOf, xmlSafe } from './guid';

export interface XmlCode {
  '@_guid': string;
  '@_name': string;
  '@_isCodable': 'true' | 'false';
  '@_color'?: string;
  Description?: string;
  NoteRef?: { '@_targetGUID': string }[];
  Code?: XmlCode[];
}

export const KINDS_GROUP = guidOf('group', 'kinds');
export const ENTITIES_GROUP = guidOf('group', 'entities');
export const entityTypeGuid = (type: string): string => guidOf('entity-type', type);
export const kindGuid = (id: string): string => guidOf('kind', id);
export const entityGuid = (id: string): string => guidOf('entity', id);

const colour = (hex: string | undefined): { '@_color'?: string } =>
  hex ? { '@_color': hex.toUpperCase() } : {};

export const codeGuid = (code: Code): string => code.guid ?? guidOf('code', code.id);

/** The GUID a highlight's tag codes to: its code's, or a free tag's own. */
export function tagGuid(codebook: Codebook, tag: string): string {
  const code = codeNamed(codebook, tag);
  return code ? codeGuid(code) : guidOf('tag', codeKey(tag));
}

function codeElement(codebook: Codebook, c: Code, seen: ReadonlySet<string>): XmlCode {
  const inside = new Set([...seen, c.id]);
  const children = childrenOf(codebook, c.id)
    .filter((child) => !inside.has(child.id))
    .map((child) => codeElement(codebook, child, inside));
  return {
    '@_guid': codeGuid(c),
    '@_name': xmlSafe(c.name),
    '@_isCodable': 'true',
    ...colour(c.colour),
    ...(c.description ? { Description: xmlSafe(c.description) } : {}),
    ...(children.length ? { Code: children } : {}),
  };
}

/** The highlight kinds, then the codes and the free tags in use (`tags`), as Code elements. */
export function codebookCodes(codebook: Codebook, tags: Iterable<string>): XmlCode[] {
  const kinds: XmlCode = {
    '@_guid': KINDS_GROUP,
    '@_name': 'Highlight kinds',
    '@_isCodable': 'false',
    Code: codebook.kinds.map((k) => ({
      '@_guid': kindGuid(k.id),
      '@_name': xmlSafe(k.label),
      '@_isCodable': 'true',
      ...colour(k.colour),
    })),
  };
  const ids = new Set(codebook.codes.map((c) => c.id));
  // Codes filed under a code that is missing are written at the top level, not lost.
  const stray = codebook.codes.filter((c) => c.parentId && !ids.has(c.parentId));
  const free = new Map<string, string>();
  for (const t of tags) if (!codeNamed(codebook, t)) free.set(codeKey(t), t);
  return [
    kinds,
    ...[...childrenOf(codebook, undefined), ...stray].map((c) =>
      codeElement(codebook, c, new Set()),
    ),
    ...[...free].map(([key, name]) => ({
      '@_guid': guidOf('tag', key),
      '@_name': xmlSafe(name),
      '@_isCodable': 'true' as const,
    })),
  ];
}

/** The entities as codes under "Entities", one category per type; `notes` refer to them. */
export function entityCodes(
  entities: readonly Entity[],
  notesOf: (entityId: string) => string[],
): XmlCode | undefined {
  if (!entities.length) return undefined;
  const types = [...new Set(entities.map((e) => e.type))].sort();
  return {
    '@_guid': ENTITIES_GROUP,
    '@_name': 'Entities',
    '@_isCodable': 'false',
    Code: types.map((type) => ({
      '@_guid': entityTypeGuid(type),
      '@_name': xmlSafe(type),
      '@_isCodable': 'false',
      Code: entities
        .filter((e) => e.type === type)
        .map((e) => {
          const refs = notesOf(e.id);
          return {
            '@_guid': entityGuid(e.id),
            '@_name': xmlSafe(e.name),
            '@_isCodable': 'true',
            ...(e.description ? { Description: xmlSafe(e.description) } : {}),
            ...(refs.length ? { NoteRef: refs.map((g) => ({ '@_targetGUID': g })) } : {}),
          };
        }),
    })),
  };
}
