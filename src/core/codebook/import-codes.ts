// Codes from a REFI-QDA project or codebook made into the workbench's own: the categories
// our exports write (highlight kinds, entities by type; known by their fixed GUIDs) become
// kinds and entities again, and every other code becomes a code of the codebook in the
// same hierarchy, with its colour and description. A code is matched to one here by name,
// so importing twice adds nothing; two codes of one name under different parents (which
// REFI-QDA allows and the workbench, naming codes by their tags, does not) are told apart
// by their parent's name, and the report says so.
import { codeKey, codeNamed } from '../../shared/codebook/code-tree';
import { PALETTE } from '../../shared/concepts/palette';
import { EntityType, type Code, type Entity, type HighlightKindDef } from '../../shared/model';
import { WorkbenchError } from '../../shared/errors';
import type { CoreContext } from '../context';
import { ENTITIES_GROUP, KINDS_GROUP } from '../export/qdpx/code-tree';
import { normGuid } from '../export/qdpx/guid';
import type { QdaCode } from '../importers/interchange/read-qde';
import type { Tx } from '../store/tx';

export interface CodeMap {
  kinds: Map<string, string>;
  entities: Map<string, string>;
  /** Code GUID to the tag (code name) highlights coded with it carry. */
  tags: Map<string, string>;
  added: { codes: number; kinds: number; entities: number };
}

const fold = (s: string): string => s.trim().toLocaleLowerCase();

function importKinds(ctx: CoreContext, tx: Tx, codes: QdaCode[], map: CodeMap): void {
  const kinds: HighlightKindDef[] = [...tx.codebook.kinds];
  for (const c of codes.flatMap(function all(x: QdaCode): QdaCode[] {
    return [x, ...x.children.flatMap(all)];
  })) {
    const known = kinds.find((k) => fold(k.label) === fold(c.name));
    if (known) {
      map.kinds.set(normGuid(c.guid), known.id);
      continue;
    }
    const used = new Set(kinds.map((k) => k.colour));
    const colour = c.colour ?? PALETTE.find((p) => !used.has(p.hex))?.hex ?? PALETTE[0]!.hex;
    const kind: HighlightKindDef = { id: ctx.newId('kind'), label: c.name.slice(0, 60), colour };
    kinds.push(kind);
    map.kinds.set(normGuid(c.guid), kind.id);
    map.added.kinds++;
  }
  if (map.added.kinds) tx.setCodebook({ ...tx.codebook, kinds: kinds.slice(0, 60) });
}

function importEntities(ctx: CoreContext, tx: Tx, groups: QdaCode[], map: CodeMap): void {
  for (const group of groups) {
    const parsed = EntityType.safeParse(group.name);
    const type = parsed.success ? parsed.data.toLowerCase() : 'other';
    const members = group.children.flatMap(function all(x: QdaCode): QdaCode[] {
      return [x, ...x.children.flatMap(all)];
    });
    for (const c of members) {
      const known = tx.entities.find((e) => fold(e.name) === fold(c.name));
      if (known) {
        map.entities.set(normGuid(c.guid), known.id);
        continue;
      }
      const entity: Entity = {
        id: ctx.newId('ent'),
        name: c.name.slice(0, 300),
        type,
        aliases: [],
        description: c.description?.slice(0, 20_000) ?? '',
        createdAt: tx.now,
        updatedAt: tx.now,
      };
      tx.setEntity(entity.id, entity);
      map.entities.set(normGuid(c.guid), entity.id);
      map.added.entities++;
    }
  }
}

export function importCodes(
  ctx: CoreContext,
  tx: Tx,
  codes: readonly QdaCode[],
  unmapped: string[],
): CodeMap {
  const map: CodeMap = {
    kinds: new Map(),
    entities: new Map(),
    tags: new Map(),
    added: { codes: 0, kinds: 0, entities: 0 },
  };
  const own = (c: QdaCode, guid: string): boolean => normGuid(c.guid) === normGuid(guid);
  for (const c of codes.filter((x) => own(x, KINDS_GROUP))) importKinds(ctx, tx, c.children, map);
  for (const c of codes.filter((x) => own(x, ENTITIES_GROUP)))
    importEntities(ctx, tx, c.children, map);
  const list: Code[] = [...tx.codebook.codes];
  const seenHere = new Set<string>();
  const visit = (c: QdaCode, parent: Code | undefined): void => {
    let name = c.name.slice(0, 100);
    if (seenHere.has(codeKey(name))) {
      const renamed = `${name} (${parent?.name ?? 'top level'})`.slice(0, 100);
      unmapped.push(
        `the code “${name}” under “${parent?.name ?? 'the top level'}” is named “${renamed}” here: code names must differ`,
      );
      name = renamed;
    }
    seenHere.add(codeKey(name));
    let code = codeNamed({ ...tx.codebook, codes: list }, name);
    if (!code) {
      code = {
        id: ctx.newId('code'),
        name,
        ...(parent ? { parentId: parent.id } : {}),
        ...(c.colour ? { colour: c.colour } : {}),
        ...(c.description ? { description: c.description.slice(0, 20_000) } : {}),
        guid: normGuid(c.guid),
      };
      list.push(code);
      map.added.codes++;
    }
    map.tags.set(normGuid(c.guid), code.name);
    for (const k of c.children) visit(k, code);
  };
  for (const c of codes) if (!own(c, KINDS_GROUP) && !own(c, ENTITIES_GROUP)) visit(c, undefined);
  if (list.length > 10_000)
    throw new WorkbenchError('INVALID_INPUT', 'The codebook would hold more than 10,000 codes.');
  if (map.added.codes) tx.setCodebook({ ...tx.codebook, codes: list });
  return map;
}
