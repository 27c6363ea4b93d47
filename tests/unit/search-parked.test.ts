// A saved index taken over with its documents' blocks and highlights parked (made entries
// only when a search hits them, a filter names their document, or a change touches it)
// answers exactly as an index built afresh from the same records, through any sequence of
// changes and searches, and is saved again as it stands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/core/store/catalog';
import { decodeCache, probeTokens } from '../../src/core/search/search-cache';
import { encodeCache } from '../../src/core/search/search-cache-write';
import { SearchIndex } from '../../src/core/search/search-index';
import type { Annotation, DocumentFile, Entity } from '../../src/shared/model';
import { SearchInput } from '../../src/shared/methods/search';
import { documentFromText } from '../fixtures/documents';

const now = '2026-12-07T00:00:00.000Z';
const WORDS = ['evin', 'prison', 'court', 'witness', 'tehran', 'guard', 'verdict', 'the'];
const ENTITIES = ['ent_a', 'ent_b'];
const entities: Entity[] = ENTITIES.map((id) => ({
  id,
  name: `Official ${id.slice(4)}`,
  type: 'person',
  aliases: [],
  description: '',
  createdAt: now,
  updatedAt: now,
}));

const paragraph = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 });
const text = fc.array(paragraph, { minLength: 1, maxLength: 4 });
const highlight = fc.record({
  paragraph: fc.nat(),
  tagged: fc.subarray(ENTITIES),
  note: fc.constantFrom('', 'guard', 'verdict'),
});
const change = fc.oneof(
  fc.record({ kind: fc.constant('text'), doc: fc.nat(), text }),
  fc.record({ kind: fc.constant('highlight'), doc: fc.nat(), highlight }),
  fc.record({ kind: fc.constant('unhighlight'), doc: fc.nat(), named: fc.boolean() }),
  fc.record({ kind: fc.constant('delete'), doc: fc.nat() }),
  fc.record({ kind: fc.constant('refresh'), doc: fc.nat() }),
  fc.record({ kind: fc.constant('search'), query: fc.constantFrom(...WORDS), doc: fc.nat() }),
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

let serial = 0;
function annotate(file: DocumentFile, h: { paragraph: number; tagged: string[]; note: string }) {
  const block = file.document.blocks[h.paragraph % file.document.blocks.length]!;
  const a: Annotation = {
    id: `ann_${++serial}`,
    documentId: file.document.id,
    target: {
      position: { type: 'TextPositionSelector', start: block.start, end: block.end },
      quote: {
        type: 'TextQuoteSelector',
        exact: file.document.text.slice(block.start, block.end),
        prefix: '',
        suffix: '',
      },
    },
    entityIds: h.tagged,
    tags: [],
    kind: 'evidence',
    note: h.note,
    status: 'anchored',
    anchoredRevision: file.document.revision,
    createdAt: now,
    updatedAt: now,
  };
  file.annotations.push(a);
}

const fileOf = (id: string, paragraphs: string[][], revision = 1): DocumentFile => {
  const document = documentFromText(paragraphs.map((p) => p.join(' ')).join('\n\n'), id, id);
  return { schemaVersion: 3, document: { ...document, revision }, annotations: [] };
};

/** Each file's hash as a custody log would give it: changes with every version written. */
const hashes = new Map<string, string>();
const fileHash = (path: string): string | null => hashes.get(path) ?? null;
const touch = (id: string): void => {
  for (const [path] of [...hashes]) if (path.includes(id)) hashes.set(path, `h${++serial}`);
};

function fresh(files: Map<string, DocumentFile>): SearchIndex {
  const index = new SearchIndex();
  for (const e of entities) index.putEntity(e);
  for (const file of files.values()) {
    index.putDocument(file.document);
    for (const a of file.annotations) index.putAnnotation(a);
  }
  return index;
}

async function saved(index: SearchIndex, files: Map<string, DocumentFile>): Promise<SearchIndex> {
  const source = index.cacheSource(fileHash);
  const bytes = await encodeCache(
    { probe: probeTokens(), ...source.manifest },
    source.postings,
    (id) => source.live[id] === 1,
    () => Promise.resolve(true),
  );
  const adopted = new SearchIndex();
  const { documents } = await adopted.adopt(await decodeCache(bytes!), {
    entities,
    notes: [],
    documents: [...files.values()].map(summarize),
    fileHash,
  });
  expect(documents).toEqual([]);
  return adopted;
}

type Filter = { documentId?: string; entityId?: string };
type Question = { filter: Filter } | { blocks: true };

/**
 * What the index answers to one question: every word searched with the filter (hits with
 * where they are, and the count), or where find mentions looks for each word; and how many
 * entries it holds, parked or not.
 */
async function answer(index: SearchIndex, files: Map<string, DocumentFile>, question: Question) {
  const scope = {
    titleOf: (id: string) => files.get(id)?.document.title,
    resolveLink: () => undefined,
    documents: () => Promise.resolve(files),
  };
  const out: string[] = [`${index.size} entries`];
  for (const query of WORDS) {
    if ('blocks' in question) {
      const blocks = [...index.blocksWithAll([query])].sort(([a], [b]) => a.localeCompare(b));
      out.push(`blocks ${query}: ${JSON.stringify(blocks)}`);
      continue;
    }
    const input = SearchInput.parse({ query, limit: 500, ...question.filter });
    const { hits, total } = await index.search(input, scope);
    const found = hits.map((h) => `${h.kind}:${h.id}@${h.start}-${h.end}`).sort();
    out.push(`${query} ${JSON.stringify(question.filter)} (${total}): ${found.join(' ')}`);
  }
  return out;
}

/** Makes the change in the files and tells the index; returns the document changed. */
function apply(
  index: SearchIndex,
  files: Map<string, DocumentFile>,
  c: Change,
): string | undefined {
  const ids = [...files.keys()];
  if (!ids.length) return undefined;
  const id = ids[c.doc % ids.length]!;
  const file = files.get(id)!;
  if (c.kind === 'text') {
    const next = fileOf(id, c.text, file.document.revision + 1);
    next.annotations = [];
    files.set(id, next);
    // As a commit's operations come: the document's, then its highlights'.
    index.putDocument(next.document);
    for (const a of file.annotations) index.removeAnnotation(a.id, id);
  } else if (c.kind === 'highlight') {
    annotate(file, c.highlight);
    index.putAnnotation(file.annotations.at(-1)!);
  } else if (c.kind === 'unhighlight') {
    const a = file.annotations.pop();
    if (!a) return undefined;
    index.removeAnnotation(a.id, c.named ? id : undefined);
  } else if (c.kind === 'delete') {
    files.delete(id);
    index.removeDocument(id);
    for (const a of file.annotations) index.removeAnnotation(a.id, id);
  } else if (c.kind === 'refresh') {
    // Its last highlight was taken out behind the index's back, which reads the file again.
    file.annotations.pop();
    index.clearDocument(id, file);
    index.putDocument(file.document);
  }
  return id;
}

type Docs = [string[][], { paragraph: number; tagged: string[]; note: string }[]][];

/** The files and their saved index, taken over, then the changes made to both. */
async function replay(docs: Docs, changes: Change[]) {
  serial = 0;
  hashes.clear();
  const files = new Map<string, DocumentFile>();
  docs.forEach(([paragraphs, highlights], i) => {
    const file = fileOf(`doc_${i}`, paragraphs);
    for (const h of highlights) annotate(file, h);
    files.set(file.document.id, file);
    hashes.set(`documents/doc_${i}.json`, `d${i}`);
    hashes.set(`highlights/doc_${i}.json`, `h${i}`);
  });
  const index = await saved(fresh(files), files);
  for (const c of changes) {
    if (c.kind !== 'search') {
      const id = apply(index, files, c);
      if (id) touch(id);
      continue;
    }
    // A search hits some documents, and a filter names one: only theirs are made entries.
    const ids = [...files.keys()];
    const documentId = ids.length ? ids[c.doc % ids.length] : undefined;
    await index.search(
      SearchInput.parse({ query: c.query, ...(documentId ? { documentId } : {}) }),
      { titleOf: () => '', resolveLink: () => undefined, documents: () => Promise.resolve(files) },
    );
  }
  return { index, files };
}

describe('a saved index taken over with its documents parked', () => {
  it('answers as one built afresh, through changes and searches, and saves again', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(text, fc.array(highlight, { maxLength: 3 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(change, { maxLength: 8 }),
        async (docs, changes) => {
          const { files } = await replay(docs, changes);
          const questions: Question[] = [
            { blocks: true },
            { filter: {} },
            ...ENTITIES.map((entityId) => ({ filter: { entityId } })),
            ...[...files.keys()].map((documentId) => ({ filter: { documentId } })),
          ];
          // Each question of an index as it was replayed (nothing unparked by the one before),
          // and of it saved with what is still parked, then taken over again.
          for (const question of questions) {
            const expected = await answer(fresh(files), files, question);
            const once = await replay(docs, changes);
            expect(await answer(once.index, once.files, question)).toEqual(expected);
            const again = await replay(docs, changes);
            const resaved = await saved(again.index, again.files);
            expect(await answer(resaved, again.files, question)).toEqual(expected);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
