// Commands on records (highlights, entities, notes) for the command-queue property test.
// Each is drawn as small numbers (which document, which entity by place in the list, how
// far into the text) and resolved against the model when it runs, so a shrunk failure
// reads as a short script: "create highlight doc 0 at 40% +25 claim entities[0]".
import fc from 'fast-check';
import { HIGHLIGHT_KIND_IDS } from '../../../src/shared/concepts/highlight-kinds';
import { ApiCommand, refused, step, type Plan } from './harness';
import {
  allHighlights,
  cleanAliases,
  deleteHighlight,
  nameTaken,
  newHighlight,
  occursOnce,
  rewriteEntities,
  tidy,
  unique,
  usage,
  withDoc,
  type ModelState,
} from './model';
import {
  ALIASES,
  DESCRIPTIONS,
  ENTITY_NAMES,
  ENTITY_TYPES,
  NOTES_TEXT,
  PERSIAN_PARAGRAPHS,
  TAGS,
} from './texts';

const picks = fc.subarray([0, 1, 2, 3]);
/** The records at these places in `list` (places past its end are left out). */
const at = <T extends { id: string }>(list: readonly T[], places: readonly number[]): string[] =>
  unique(places.filter((i) => i < list.length).map((i) => list[i]!.id));
const nth = <T>(list: readonly T[], pick: number): T | undefined =>
  list.length ? list[pick % list.length] : undefined;
const show = (patch: object): string => JSON.stringify(patch).replace(/"/g, '');

/** True when [start, end) overlaps a paragraph a text edit inserted. */
function overlapsInserted(text: string, start: number, end: number): boolean {
  return PERSIAN_PARAGRAPHS.some((p) => {
    const i = text.indexOf(p);
    return i >= 0 && start < i + p.length && end > i;
  });
}

const highlightFields = fc.record({
  kind: fc.constantFrom(...HIGHLIGHT_KIND_IDS),
  note: fc.constantFrom(...NOTES_TEXT),
  tags: fc.subarray([...TAGS]),
  entities: picks,
});

const createHighlight = fc
  .record({ doc: fc.nat(1), at: fc.nat(999), length: fc.integer({ min: 12, max: 80 }) })
  .chain((where) => highlightFields.map((fields) => ({ ...where, ...fields })))
  .map(
    (c) =>
      new ApiCommand(
        `create highlight doc ${c.doc} at ${c.at / 10}% +${c.length} ${c.kind} entities[${c.entities.join()}] tags[${c.tags.join()}]`,
        (s): Plan | null => {
          const doc = s.docs[c.doc]!;
          const start = Math.floor((c.at / 1000) * doc.text.length);
          const end = Math.min(start + c.length, doc.text.length);
          const range = tidy(doc.text, start, end);
          // The model places only quotes found once, outside inserted paragraphs.
          if (!range || overlapsInserted(doc.text, ...range)) return null;
          if (!occursOnce(doc.text, doc.text.slice(...range))) return null;
          const fields = {
            kind: c.kind,
            note: c.note,
            tags: c.tags,
            entityIds: at(s.entities, c.entities),
          };
          return step(
            'Create highlight',
            'annotations.create',
            { documentId: doc.id, start, end, ...fields },
            (created) =>
              withDoc(s, doc.id, (d) => ({
                ...d,
                highlights: [...d.highlights, newHighlight(d, created.id, range, fields)],
              })),
          );
        },
      ),
  );

const updateHighlight = fc
  .record({
    pick: fc.nat(20),
    patch: fc.record(
      {
        kind: fc.constantFrom(...HIGHLIGHT_KIND_IDS),
        note: fc.constantFrom(...NOTES_TEXT),
        tags: fc.subarray([...TAGS]),
        entities: picks,
      },
      { requiredKeys: [] },
    ),
  })
  .map(
    ({ pick, patch }) =>
      new ApiCommand(`edit highlight #${pick} ${show(patch)}`, (s) => {
        const h = nth(allHighlights(s), pick);
        if (!h) return null;
        const { entities, ...rest } = patch;
        const input = { ...rest, ...(entities ? { entityIds: at(s.entities, entities) } : {}) };
        const changed = {
          ...h,
          ...input,
          ...(input.tags ? { tags: unique(input.tags) } : {}),
        };
        return step('Edit highlight', 'annotations.update', { id: h.id, patch: input }, () => ({
          ...s,
          docs: s.docs.map((d) => ({
            ...d,
            highlights: d.highlights.map((x) => (x.id === h.id ? changed : x)),
          })),
        }));
      }),
  );

const deleteHighlightCommand = fc.nat(20).map(
  (pick) =>
    new ApiCommand(`delete highlight #${pick}`, (s) => {
      const h = nth(allHighlights(s), pick);
      if (!h) return null;
      return step('Delete highlight', 'annotations.delete', { id: h.id }, () =>
        deleteHighlight(s, h.id),
      );
    }),
);

const entityFields = {
  name: fc.constantFrom(...ENTITY_NAMES),
  type: fc.constantFrom(...ENTITY_TYPES),
  aliases: fc.subarray([...ALIASES]),
  description: fc.constantFrom(...DESCRIPTIONS),
};

const createEntity = fc.record(entityFields).map(
  (input) =>
    new ApiCommand(`create entity ${show(input)}`, (s) => {
      if (nameTaken(s, input.name)) return refused('entities.create', input, 'INVALID_INPUT');
      return step('Create entity', 'entities.create', input, (created) => ({
        ...s,
        entities: [
          ...s.entities,
          { id: created.id, ...input, aliases: cleanAliases(input.aliases, input.name) },
        ],
      }));
    }),
);

const updateEntity = fc
  .record({ pick: fc.nat(10), patch: fc.record(entityFields, { requiredKeys: [] }) })
  .map(
    ({ pick, patch }) =>
      new ApiCommand(`edit entity #${pick} ${show(patch)}`, (s) => {
        const e = nth(s.entities, pick);
        if (!e) return null;
        const input = { id: e.id, patch };
        if (patch.name !== undefined && nameTaken(s, patch.name, e.id))
          return refused('entities.update', input, 'CONFLICT');
        const name = patch.name ?? e.name;
        const aliases =
          patch.aliases !== undefined || patch.name !== undefined
            ? cleanAliases(patch.aliases ?? e.aliases, name)
            : e.aliases;
        const changed = { ...e, ...patch, name, aliases };
        return step('Edit entity', 'entities.update', input, () => ({
          ...s,
          entities: s.entities.map((x) => (x.id === e.id ? changed : x)),
        }));
      }),
  );

const deleteEntity = fc.record({ pick: fc.nat(10), miscount: fc.constantFrom(0, 0, 0, 1) }).map(
  ({ pick, miscount }) =>
    new ApiCommand(`delete entity #${pick}${miscount ? ' with a wrong count' : ''}`, (s) => {
      const e = nth(s.entities, pick);
      if (!e) return null;
      const input = { id: e.id, confirmUsage: usage(s, e.id) + miscount };
      if (miscount) return refused('entities.delete', input, 'IN_USE');
      return step('Delete entity', 'entities.delete', input, () =>
        rewriteEntities(s, new Set([e.id])),
      );
    }),
);

const mergeEntities = fc
  .record({
    target: fc.nat(10),
    sources: fc.array(fc.nat(10), { minLength: 1, maxLength: 2 }),
    type: fc.option(fc.constantFrom(...ENTITY_TYPES), { nil: undefined }),
  })
  .map(
    ({ target, sources, type }) =>
      new ApiCommand(
        `merge entities [${sources.join()}] into #${target}${type ? ` as ${type}` : ''}`,
        (s) => {
          const into = nth(s.entities, target);
          if (!into || s.entities.length < 2) return null;
          const from = unique(sources.map((p) => nth(s.entities, p)!.id)).filter(
            (id) => id !== into.id,
          );
          const input = { targetId: into.id, sourceIds: from, choose: type ? { type } : {} };
          if (!from.length) return refused('entities.merge', input, 'INVALID_INPUT');
          // In the order the sources were named: the aliases follow it.
          const all = [into, ...from.map((id) => s.entities.find((e) => e.id === id)!)];
          if (!type && new Set(all.map((e) => e.type)).size > 1)
            return refused('entities.merge', input, 'CONFLICT');
          const names = [into.aliases, ...all.slice(1).map((e) => [e.name, ...e.aliases])].flat();
          const merged = {
            ...into,
            type: type ?? into.type,
            aliases: unique(names.map((n) => n.trim())).filter(
              (n) => n && n.toLocaleLowerCase() !== into.name.toLocaleLowerCase(),
            ),
            description: unique(all.map((e) => e.description.trim()).filter(Boolean)).join('\n\n'),
          };
          return step('Merge entities', 'entities.merge', input, () => {
            const next = rewriteEntities(s, new Set(from), into.id);
            return {
              ...next,
              entities: next.entities.map((e) => (e.id === into.id ? merged : e)),
            };
          });
        },
      ),
  );

const noteFields = {
  title: fc.constantFrom('', 'Archive', 'Evin'),
  body: fc.constantFrom(...NOTES_TEXT),
  entities: picks,
  documents: fc.subarray([0, 1]),
  highlights: fc.subarray([0, 1, 2, 3, 4, 5]),
};

/** A note's links, from places in the model's lists to ids. */
function links(
  s: ModelState,
  p: { entities?: number[]; documents?: number[]; highlights?: number[] },
) {
  return {
    ...(p.entities ? { entityIds: at(s.entities, p.entities) } : {}),
    ...(p.documents ? { documentIds: at(s.docs, p.documents) } : {}),
    ...(p.highlights ? { annotationIds: at(allHighlights(s), p.highlights) } : {}),
  };
}

const createNote = fc.record(noteFields).map(
  ({ title, body, ...places }) =>
    new ApiCommand(`create note ${show({ title, body, ...places })}`, (s) => {
      const input = { title, body, ...links(s, places) };
      return step('Create note', 'notes.create', input, (created) => ({
        ...s,
        notes: [
          ...s.notes,
          { id: created.id, entityIds: [], documentIds: [], annotationIds: [], ...input },
        ],
      }));
    }),
);

const updateNote = fc
  .record({ pick: fc.nat(10), patch: fc.record(noteFields, { requiredKeys: [] }) })
  .map(
    ({ pick, patch }) =>
      new ApiCommand(`edit note #${pick} ${show(patch)}`, (s) => {
        const n = nth(s.notes, pick);
        if (!n) return null;
        const { entities, documents, highlights, ...text } = patch;
        const input = { ...text, ...links(s, { entities, documents, highlights }) };
        return step('Edit note', 'notes.update', { id: n.id, patch: input }, () => ({
          ...s,
          notes: s.notes.map((x) => (x.id === n.id ? { ...x, ...input } : x)),
        }));
      }),
  );

const deleteNote = fc.nat(10).map(
  (pick) =>
    new ApiCommand(`delete note #${pick}`, (s) => {
      const n = nth(s.notes, pick);
      if (!n) return null;
      return step('Delete note', 'notes.delete', { id: n.id }, () => ({
        ...s,
        notes: s.notes.filter((x) => x.id !== n.id),
      }));
    }),
);

/** Weighted by repetition: records must exist before they can be edited, merged or linked. */
export const recordCommands = [
  createHighlight,
  createHighlight,
  createHighlight,
  updateHighlight,
  deleteHighlightCommand,
  createEntity,
  createEntity,
  updateEntity,
  deleteEntity,
  mergeEntities,
  mergeEntities,
  createNote,
  updateNote,
  deleteNote,
];
