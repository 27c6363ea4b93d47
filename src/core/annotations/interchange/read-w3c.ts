// W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): one Annotation, a
// list of them, an AnnotationPage, or an AnnotationCollection with its pages embedded
// (pages given only by address would have to be fetched, which an offline workbench does
// not do: that is reported, not half-imported). Bodies become the highlight's parts:
// a TextualBody tagging is a tag, classifying with a kind's id is the kind (a built-in or a
// user's; the import checks it against the workspace's codebook), any other
// TextualBody (commenting, describing, no purpose) joins the note; a SpecificResource
// tagging or identifying is an entity tag, named by its label or its address.
import { z } from 'zod';
import { AnnotationKind } from '../../../shared/model';
import { URN } from '../../export/w3c';
import { AnnotationsFileError, type ForeignAnnotation, type ForeignEntity } from './foreign';
import { parse, readSelectors } from './selectors';
import { kindForMotivation } from '../../../shared/concepts/highlight-kinds';

const MAX_URL = 4096;
const MAX_BODIES = 500;
const MAX_PAGES = 10_000;
const ENTITY_URN = `${URN}:entity:`;

const typesOf = (v: unknown): string[] => {
  if (typeof v !== 'object' || v === null) return [];
  const t =
    (v as { type?: unknown; '@type'?: unknown }).type ?? (v as { '@type'?: unknown })['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string');
};

const listOf = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const Strings = z.union([z.string().max(100), z.array(z.string().max(100)).max(20)]);
const Address = z.string().min(1).max(MAX_URL);
const Source = z.union([
  Address,
  z.looseObject({
    id: Address,
    label: z.union([z.string().max(300), z.array(z.string().max(300)).max(20)]).optional(),
    'rw:entityType': z.string().max(40).optional(),
    'rw:externalId': z.string().max(200).optional(),
    'rw:title': z.string().max(500).optional(),
  }),
]);
const Annotation = z.looseObject({
  id: z.string().max(MAX_URL).optional(),
  motivation: Strings.optional(),
  bodyValue: z.string().max(100_000).optional(),
  body: z.unknown().optional(),
  target: z.unknown().optional(),
});
const TextualBody = z.looseObject({
  value: z.string().max(100_000),
  purpose: Strings.optional(),
  id: z.string().max(MAX_URL).optional(),
});
const SpecificBody = z.looseObject({ source: Source, purpose: Strings.optional() });
const Target = z.union([
  Address,
  z.looseObject({ source: Source, selector: z.unknown().optional() }),
]);

export function isW3c(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0 || value.some((v) => typesOf(v).length > 0);
  const t = typesOf(value);
  return (
    t.includes('Annotation') || t.includes('AnnotationPage') || t.includes('AnnotationCollection')
  );
}

/** Every annotation object in the file, with where it is, in order. */
function collect(value: unknown, max: number): { raw: unknown; at: string }[] {
  const found: { raw: unknown; at: string }[] = [];
  const add = (raw: unknown, at: string): void => {
    if (typeof raw === 'string')
      throw new AnnotationsFileError(
        `${at}: the annotation is given by its address only (${raw.slice(0, 200)}); export it with its annotations embedded`,
      );
    if (!typesOf(raw).includes('Annotation'))
      throw new AnnotationsFileError(
        `${at || 'the file'}: not an Annotation (type is ${JSON.stringify(typesOf(raw))})`,
      );
    if (found.length >= max)
      throw new AnnotationsFileError(
        `the file holds more than ${max} annotations; at most ${max} can be imported at once`,
      );
    found.push({ raw, at });
  };
  const page = (start: unknown, at: string): void => {
    let current: unknown = start;
    let path = at;
    for (let n = 0; current !== undefined; n++) {
      if (n >= MAX_PAGES) throw new AnnotationsFileError(`${path}: more than ${MAX_PAGES} pages`);
      if (typeof current === 'string')
        throw new AnnotationsFileError(
          `${path}: the page is given by its address only (${current.slice(0, 200)}); export the collection with its pages embedded`,
        );
      if (!typesOf(current).includes('AnnotationPage'))
        throw new AnnotationsFileError(`${path}: not an AnnotationPage`);
      const { items, next } = current as { items?: unknown; next?: unknown };
      if (!Array.isArray(items))
        throw new AnnotationsFileError(`${path}.items: a page must list its annotations`);
      items.forEach((item, i) => add(item, `${path}.items[${i}]`));
      current = next;
      path = `${path}.next`;
    }
  };
  if (Array.isArray(value)) {
    value.forEach((item, i) => add(item, `[${i}]`));
    return found;
  }
  const t = typesOf(value);
  if (t.includes('AnnotationCollection')) page((value as { first?: unknown }).first, 'first');
  else if (t.includes('AnnotationPage')) page(value, 'the page');
  else add(value, 'the annotation');
  return found;
}

/** `part` with its %-escapes decoded, or undefined when an escape is malformed. */
function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** The last part of an address, decoded; a malformed %-escape refuses the file. */
function lastPart(address: string, at: string): string {
  const part =
    address
      .replace(/[/#]+$/, '')
      .split(/[/#:]/)
      .pop() ?? '';
  const name = decoded(part);
  if (name === undefined)
    throw new AnnotationsFileError(
      `${at}: the address ${JSON.stringify(address.slice(0, 200))} has a malformed %-escape`,
    );
  return name;
}

function entityFrom(
  at: string,
  address: string,
  label?: string,
  type?: string,
  externalId?: string,
): ForeignEntity {
  const wikidata = /^https?:\/\/(?:www\.)?wikidata\.org\/(?:entity|wiki)\/(Q\d+)$/.exec(address);
  const localId = address.startsWith(ENTITY_URN) ? address.slice(ENTITY_URN.length) : undefined;
  const id = wikidata?.[1] ?? externalId;
  const name = label?.trim() || id || lastPart(address, at) || address;
  return {
    name: name.slice(0, 300),
    ...(type ? { type } : {}),
    ...(id ? { externalId: id } : {}),
    ...(localId ? { localId } : {}),
  };
}

const first = (v: string | string[] | undefined): string | undefined =>
  Array.isArray(v) ? v[0] : v;
const has = (v: string | string[] | undefined, x: string): boolean =>
  Array.isArray(v) ? v.includes(x) : v === x;

function readAnnotation(raw: unknown, at: string, index: number): ForeignAnnotation {
  const a = parse(Annotation, raw, at || 'the annotation');
  const motivation = a.motivation;
  const notes: string[] = a.bodyValue?.trim() ? [a.bodyValue] : [];
  const tags: string[] = [];
  const entities: ForeignEntity[] = [];
  let kind: AnnotationKind | undefined = [motivation ?? []]
    .flat()
    .map(kindForMotivation)
    .find((k) => k !== undefined);
  const bodies = listOf(a.body);
  if (bodies.length > MAX_BODIES)
    throw new AnnotationsFileError(`${at}.body: more than ${MAX_BODIES} bodies`);
  bodies.forEach((body, i) => {
    const path = `${at}.body${Array.isArray(a.body) ? `[${i}]` : ''}`;
    const types = typesOf(body);
    if (typeof body === 'string') {
      const address = parse(Address, body, path);
      if (has(motivation, 'tagging') || has(motivation, 'identifying'))
        entities.push(entityFrom(path, address));
    } else if (
      types.includes('SpecificResource') ||
      (typeof body === 'object' && body !== null && 'source' in body)
    ) {
      const b = parse(SpecificBody, body, path);
      const tagging = ['tagging', 'identifying'].some((p) => has(b.purpose ?? motivation, p));
      if (!tagging) return;
      if (typeof b.source === 'string') entities.push(entityFrom(`${path}.source`, b.source));
      else
        entities.push(
          entityFrom(
            `${path}.source.id`,
            b.source.id,
            first(b.source.label),
            b.source['rw:entityType'],
            b.source['rw:externalId'],
          ),
        );
    } else if (
      types.includes('TextualBody') ||
      (typeof body === 'object' && body !== null && 'value' in body)
    ) {
      const b = parse(TextualBody, body, path);
      const purpose =
        b.purpose ?? (Array.isArray(a.body) && bodies.length > 1 ? undefined : motivation);
      if (has(purpose, 'tagging')) {
        // Entity tags of workbench exports before entity bodies were SpecificResources.
        if (b.id?.startsWith(ENTITY_URN)) entities.push(entityFrom(`${path}.id`, b.id, b.value));
        else {
          const tag = b.value.trim();
          if (tag.length > 100)
            throw new AnnotationsFileError(`${path}.value: a tag is longer than 100 characters`);
          if (tag) tags.push(tag);
        }
      } else if (has(purpose, 'classifying') && AnnotationKind.safeParse(b.value).success) {
        kind = b.value;
      } else if (b.value.trim()) notes.push(b.value);
    }
  });
  const targets = listOf(a.target);
  if (targets.length === 0)
    throw new AnnotationsFileError(`${at}.target: an annotation must have a target`);
  const parsed = targets.map((t, i) =>
    parse(Target, t, `${at}.target${Array.isArray(a.target) ? `[${i}]` : ''}`),
  );
  const chosen = parsed.findIndex((t) => typeof t !== 'string' && t.selector !== undefined);
  const target = parsed[Math.max(0, chosen)]!;
  const source = typeof target === 'string' ? target : target.source;
  const url = typeof source === 'string' ? source : source.id;
  const title = typeof source === 'string' ? undefined : source['rw:title'];
  const placed =
    typeof target !== 'string' && target.selector !== undefined
      ? readSelectors(
          target.selector,
          `${at}.target${Array.isArray(a.target) ? `[${chosen}]` : ''}.selector`,
          'codepoint',
        )
      : {};
  const note = notes.join('\n\n');
  if (note.length > 100_000)
    throw new AnnotationsFileError(`${at}.body: the note is longer than 100,000 characters`);
  const unique = [...new Set(tags)];
  if (unique.length > 100) throw new AnnotationsFileError(`${at}.body: more than 100 tags`);
  if (entities.length > 200)
    throw new AnnotationsFileError(`${at}.body: more than 200 entity tags`);
  return {
    index,
    ...(a.id ? { sourceId: a.id } : {}),
    url,
    ...(title ? { title } : {}),
    ...placed,
    ...(kind ? { kind } : {}),
    note,
    tags: unique,
    entities,
    ...(chosen < 0 ? { unusable: 'it targets a whole document, with no passage selected' } : {}),
  };
}

export function readW3c(value: unknown, max: number): ForeignAnnotation[] {
  return collect(value, max).map(({ raw, at }, i) => readAnnotation(raw, at, i + 1));
}
