// A generated workspace for the benchmark: 2,000 articles (about 60 MB of text) with a
// Zipf-like word distribution, some Persian paragraphs, 20,000 highlights and 300
// entities, written as real workspace files. Seeded, so every run measures the same data.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documentFiles } from '../../src/core/store/layout';
import { describeRange } from '../../src/shared/anchoring';
import { assembleBlocks, type DraftBlock } from '../../src/shared/blocks';
import {
  SCHEMA_VERSION,
  type Annotation,
  type DocumentFile,
  type Entity,
  type WorkspaceFile,
} from '../../src/shared/model';

export const ARTICLES = 2000;
export const HIGHLIGHTS_PER_ARTICLE = 10;
export const ENTITIES = 300;
const TARGET_CHARS = 30_000;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTION_WORDS =
  'the of and to in a that is was for on with as by at from it his her their this which were be had has not are or an have they but been who its one all would there more when also after said into'.split(
    ' ',
  );
const TOPIC_WORDS =
  'prison court trial judiciary prosecutor execution detention minister council security human rights report commission witness testimony sentence protest regime government inquiry massacre victims families accountability sanctions ministry intelligence torture evidence lawyer hearing verdict resolution assembly investigation official statement activists journalists authorities'.split(
    ' ',
  );
const PERSIAN_WORDS =
  'زندان اوین قتل‌عام دادگاه گزارش کمیسیون حقیقت خانواده‌ها اعدام زندانیان سیاسی مسئولیت حقوق بشر شاهد دادستان بازداشت'.split(
    ' ',
  );

export interface Corpus {
  vocabulary: string[];
  random: () => number;
}

export function makeCorpus(): Corpus {
  const random = rng(1988);
  const syllables = 'ka ri mo sa de va ne lo ta shi ra zan ba gh hos fa mi el ar an ja'.split(' ');
  const invented = new Set<string>();
  while (invented.size < 20_000) {
    const n = 2 + Math.floor(random() * 3);
    invented.add(
      Array.from({ length: n }, () => syllables[Math.floor(random() * syllables.length)]).join(''),
    );
  }
  return { vocabulary: [...FUNCTION_WORDS, ...TOPIC_WORDS, ...invented], random };
}

/** Zipf-like: word i is drawn with probability about proportional to 1 / (i + 1). */
export function word(c: Corpus): string {
  const n = c.vocabulary.length;
  const i = Math.floor(Math.exp(c.random() * Math.log(n + 1))) - 1;
  return c.vocabulary[Math.min(n - 1, Math.max(0, i))]!;
}

export function sentence(c: Corpus, persian: boolean): string {
  const length = 8 + Math.floor(c.random() * 18);
  const words = Array.from({ length }, () =>
    persian ? PERSIAN_WORDS[Math.floor(c.random() * PERSIAN_WORDS.length)]! : word(c),
  );
  const text = words.join(' ');
  return persian ? `${text}.` : `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const NOW = '2026-11-01T00:00:00.000Z';

export async function writeWorkspace(
  dir: string,
  articles = ARTICLES,
): Promise<{ chars: number; highlights: number }> {
  const c = makeCorpus();
  await mkdir(join(dir, 'documents'), { recursive: true });
  await mkdir(join(dir, 'highlights'), { recursive: true });
  const entities: Entity[] = Array.from({ length: ENTITIES }, (_, i) => ({
    id: `ent_${i}`,
    name: `${word(c)} ${word(c)}`.replace(/^./, (x) => x.toUpperCase()),
    type: ['person', 'organization', 'place', 'event'][i % 4]!,
    aliases: [word(c)],
    description: sentence(c, false),
    createdAt: NOW,
    updatedAt: NOW,
  }));
  let chars = 0;
  let highlights = 0;
  for (let d = 0; d < articles; d++) {
    const persian = d % 10 === 0;
    const drafts: DraftBlock[] = [
      { kind: 'heading', text: sentence(c, false).slice(0, 90), level: 1 },
    ];
    let size = 0;
    while (size < TARGET_CHARS) {
      const text = Array.from({ length: 3 + Math.floor(c.random() * 5) }, () =>
        sentence(c, persian && c.random() < 0.3),
      ).join(' ');
      drafts.push({ kind: 'paragraph', text });
      size += text.length + 2;
    }
    const { text, blocks } = assembleBlocks(drafts);
    chars += text.length;
    const id = `doc_${d}`;
    const annotations: Annotation[] = Array.from({ length: HIGHLIGHTS_PER_ARTICLE }, (_, k) => {
      const start = Math.floor(c.random() * (text.length - 200));
      highlights += 1;
      return {
        id: `ann_${d}_${k}`,
        documentId: id,
        target: describeRange(text, start, start + 40 + Math.floor(c.random() * 120)),
        entityIds: [`ent_${Math.floor(c.random() * ENTITIES)}`],
        tags: [],
        kind: (['quote', 'claim', 'evidence', 'question'] as const)[k % 4] ?? 'quote',
        note: k % 3 === 0 ? sentence(c, false) : '',
        status: 'anchored',
        anchoredRevision: 1,
        createdAt: NOW,
        updatedAt: NOW,
      };
    });
    const file: DocumentFile = {
      schemaVersion: SCHEMA_VERSION,
      document: {
        id,
        title: blocks[0] ? text.slice(blocks[0].start, blocks[0].end) : id,
        text,
        blocks,
        marks: [],
        source: { publisher: 'Bench Daily' },
        format: 'text',
        contentHash: `sha256:${'0'.repeat(64)}`,
        revision: 1,
        createdAt: NOW,
        updatedAt: NOW,
      },
      annotations,
    };
    for (const { path, content } of documentFiles(file)) await writeFile(join(dir, path), content);
  }
  const workspace: WorkspaceFile = {
    schemaVersion: SCHEMA_VERSION,
    entities,
    notes: [],
  };
  await writeFile(join(dir, 'workspace.json'), JSON.stringify(workspace));
  return { chars, highlights };
}

export const QUERIES = {
  'single word': [
    'prison',
    'testimony',
    'kamori',
    'verdict',
    'sanctions',
    'زندان',
    'witness',
    'inquiry',
  ],
  'two words': [
    'human rights',
    'prison court',
    'witness testimony',
    'قتل‌عام زندانیان',
    'security council',
    'the trial',
  ],
  // A word in most paragraphs paired with a rarer one: the stop word should cost nothing.
  'stop-word pair': ['the trial', 'of the verdict', 'in prison', 'witness and'],
  prefix: ['pri', 'tes', 'ver', 'sanc', 'زند', 'inq', 'kam', 'jus'],
  'no hit': ['zzqx', 'nonexistentword', 'qwertyuiop', 'xylophonic'],
};
