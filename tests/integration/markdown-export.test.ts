// The Markdown research notes as a reader sees them: rendered by marked (a standard
// Markdown renderer) and walked as a DOM. The structure (headings that nest, each quote
// once, citations in the chosen style and locale, the verification appendix) is checked on
// the sample; every payload of the hostile corpus, planted in quotes, titles, names,
// aliases, tags, metadata, link notes and the user's own notes, renders as text: no element
// or attribute outside the notes' template, no link that is not http(s), mailto or in-page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { EXPORTERS } from '../../src/core/export/exporters';
import type { ExportOptions, Snapshot } from '../../src/core/export/snapshot';
import { describeRange } from '../../src/shared/anchoring';
import type { Annotation, Document } from '../../src/shared/model';
import { annotate, entity, fixedSnapshot, sampleDocument, T } from './export-fixture';

const CHICAGO: ExportOptions = { style: 'chicago-author-date', locale: 'en-US' };
const markdown = async (s: Snapshot, o = CHICAGO): Promise<string> =>
  (await EXPORTERS.markdown(s, o)) as string;
const render = (md: string): Document['text'] => marked.parse(md, { async: false });
const dom = (md: string) => new JSDOM(render(md)).window.document;

describe('the research notes on the sample', () => {
  it('have headings that nest, each quote once, and a verification appendix', async () => {
    const doc = dom(await markdown(fixedSnapshot()));
    const levels = [...doc.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(1);
    // No heading is more than one level below the one before it.
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    const sections = [...doc.querySelectorAll('h2')].map((h) => h.textContent);
    expect(sections).toEqual(['Sources', 'Quotes', 'Entities', 'Notes', 'Verification']);
    const quotes = [...doc.querySelectorAll('blockquote')].map((q) => q.textContent?.trim());
    expect(quotes).toHaveLength(4);
    expect(new Set(quotes).size).toBe(4);
    // Offsets and hashes are in the appendix, not beside the quotes.
    const body = doc.body.textContent;
    const appendix = body.indexOf('Verification');
    expect(body.indexOf('sha256:')).toBeGreaterThan(appendix);
    expect(body.slice(0, appendix)).not.toMatch(/characters \d|revision \d/);
    expect(doc.querySelectorAll('table tr')).toHaveLength(5);
  });

  it('cite the first body paragraph as ¶ 1 (the headline is not a paragraph)', async () => {
    const md = await markdown(fixedSnapshot());
    expect(md).toContain('(Staff writer 2021, para. 1). *Evidence.*');
    expect(md).toContain('(Staff writer 2021, para. 8). *Claim.*');
  });

  it('give an event its date, place and participants, and list every entity of a quote once', async () => {
    const md = await markdown(fixedSnapshot());
    expect(md).toContain(
      'Date: 1988 · Place: Evin prison · Participants: Gholam Hossein Mohseni Ejei (official)',
    );
    expect(md).toContain('Entities: Evin prison; 1988 massacre');
    expect(md.match(/a former deputy prosecutor in Gohardasht/g)).toHaveLength(1);
    expect(md).toContain('Links: [Quote 2](#quote-2) corroborates this');
    expect(md).toContain('Codes: Accountability / Sanctions; follow up');
  });

  it('cite in APA, Harvard and OSCOLA, with British dates when asked', async () => {
    const apa = await markdown(fixedSnapshot(), { style: 'apa', locale: 'en-US' });
    expect(apa).toContain('Staff writer. (2021, December 20). *Why Iran’s regime');
    expect(apa).toContain('(Staff writer, 2021, para. 1)');
    const harvard = await markdown(fixedSnapshot(), {
      style: 'harvard-cite-them-right',
      locale: 'en-GB',
    });
    expect(harvard).toContain('(Accessed: 20 November 2026)');
    const oscola = await markdown(fixedSnapshot(), { style: 'oscola', locale: 'en-GB' });
    // A note style: the citation is the footnote's text; en-GB gives "20 December 2021".
    expect(oscola).toContain('Staff writer, ‘Why Iran’s Regime Is Terrified');
    expect(oscola).toContain('(*Iran Focus*, 20 December 2021) para 1');
    expect(oscola).toContain('accessed 20 November 2026.');
  });

  it('cite a page and the paragraph on it for a paged source, and a heading as the heading', async () => {
    const text =
      'Annual report\n\nFirst paragraph on page one.\n\nSecond page begins here.\n\nThe cells were full.';
    const document: Document = {
      ...sampleDocument(),
      id: 'doc_pdf',
      title: 'Annual report',
      text,
      format: 'pdf',
      blocks: [
        { kind: 'heading', start: 0, end: 13, page: 1 },
        { kind: 'paragraph', start: 15, end: 43, page: 1 },
        { kind: 'paragraph', start: 45, end: 69, page: 2 },
        { kind: 'paragraph', start: 71, end: 91, page: 2 },
      ],
    };
    const snapshot = fixedSnapshot();
    snapshot.documents = [
      {
        document,
        annotations: [
          annotate(document, 'ann_cells', 'The cells were full', 'quote', []),
          annotate(document, 'ann_title', 'Annual report', 'quote', []),
        ],
      },
    ];
    snapshot.links = [];
    const md = await markdown(snapshot);
    expect(md).toContain('(Staff writer 2021, 2, ¶ 2).');
    expect(md).toContain('(Staff writer 2021, 1), heading “Annual report”.');
  });

  it('say which source details are not recorded, inventing none', async () => {
    const snapshot = fixedSnapshot();
    const pasted = sampleDocument({
      author: undefined,
      publisher: undefined,
      url: undefined,
      publishedDate: undefined,
    });
    const bare = { ...pasted, source: { accessedDate: '2026-11-20' } };
    snapshot.documents = [
      { document: bare, annotations: [annotate(bare, 'ann_1', 'six officials', 'quote', [])] },
    ];
    snapshot.links = [];
    const md = await markdown(snapshot);
    expect(md).toContain(
      '*Author: source not recorded. Publisher: source not recorded. Published: source not recorded. Address: source not recorded.*',
    );
    expect(md).not.toMatch(/Iran Focus|Staff writer|example\.org/);
    const csv = (await EXPORTERS.csv(snapshot, CHICAGO)) as string;
    expect(csv).toContain('source not recorded');
  });
});

const PAYLOADS = readFileSync(join(import.meta.dirname, '../fixtures/xss/payloads.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith(';; '));

/** A snapshot with every payload in every field that can hold one. */
function hostileSnapshot(): Snapshot {
  const text = PAYLOADS.map((p, i) => `Quote ${i}: ${p}`).join('\n\n');
  const base = sampleDocument({
    author: PAYLOADS[1],
    publisher: PAYLOADS[5],
    url: 'javascript:alert(1)',
    language: 'en',
  });
  const document: Document = { ...base, title: PAYLOADS[7]!.slice(0, 500), text, blocks: [] };
  let at = 0;
  const annotations: Annotation[] = PAYLOADS.map((p, i) => {
    const start = text.indexOf(p, at);
    at = start + p.length;
    return {
      id: `ann_${i}`,
      documentId: document.id,
      target: describeRange(text, start, start + p.length),
      entityIds: [`ent_${i % 50}`],
      tags: [p.slice(0, 100)],
      kind: 'quote',
      note: `Note ${i}: ${p}`,
      status: 'anchored',
      anchoredRevision: 1,
      createdAt: T,
      updatedAt: T,
    };
  });
  const entities = PAYLOADS.slice(0, 50).map((p, i) =>
    entity(
      `ent_${i}`,
      p.slice(0, 300),
      i % 2 ? 'person' : p.slice(0, 8).replace(/[^\p{L}]/gu, '') || 'other',
      {
        aliases: [PAYLOADS[(i + 3) % PAYLOADS.length]!.slice(0, 300)],
        description: PAYLOADS[(i + 9) % PAYLOADS.length]!,
      },
    ),
  );
  return {
    entities,
    notes: PAYLOADS.slice(0, 80).map((p, i) => ({
      id: `note_${i}`,
      title: p.slice(0, 500),
      body: `# ${p}\n\n${p}\n\n- ${p}`,
      entityIds: [],
      documentIds: [],
      annotationIds: [],
      createdAt: T,
      updatedAt: T,
    })),
    documents: [{ document, annotations }],
    codebook: {
      kinds: [{ id: 'quote', label: PAYLOADS[11]!.slice(0, 60), colour: '#e69f00' }],
      codes: [],
      relations: [{ id: 'rel', label: PAYLOADS[13]!.slice(0, 60) }],
    },
    links: [
      {
        id: 'l',
        from: 'ann_0',
        to: 'ann_1',
        relation: 'rel',
        note: PAYLOADS[15],
        createdAt: T,
        updatedAt: T,
      },
    ],
    exportedAt: T,
  };
}

/** What the notes' template and the user's own Markdown may produce, and nothing else. */
const ELEMENTS = new Set(
  'html head body h1 h2 h3 h4 h5 h6 p em strong del code pre blockquote ul ol li a table thead tbody tr th td hr br input'.split(
    ' ',
  ),
);
const SAFE_HREF = /^(https?:|mailto:|#)/i;

describe('third-party text in the research notes', () => {
  it(`renders all ${PAYLOADS.length} payloads as text, in every field`, async () => {
    const snapshot = hostileSnapshot();
    const doc = dom(await markdown(snapshot));
    const strays: string[] = [];
    for (const el of doc.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (!ELEMENTS.has(tag)) strays.push(`<${tag}>`);
      for (const a of el.attributes) {
        const ok =
          (tag === 'a' && a.name === 'href' && SAFE_HREF.test(a.value)) ||
          (tag === 'input' && ['type', 'checked', 'disabled'].includes(a.name)) ||
          (['th', 'td'].includes(tag) && a.name === 'align');
        if (!ok) strays.push(`<${tag} ${a.name}="${a.value}">`);
      }
    }
    expect(strays).toEqual([]);
    // Each quote shows exactly as it is in the source.
    const shown = [...doc.querySelectorAll('blockquote')].map((q) =>
      q.textContent.replace(/\s+/g, ' ').trim(),
    );
    for (const [i, p] of PAYLOADS.entries()) expect(shown[i]).toBe(p.replace(/\s+/g, ' ').trim());
    // And so does each entity's name, in its heading.
    const headings = new Set(
      [...doc.querySelectorAll('h4')].map((h) => h.textContent.replace(/\s+/g, ' ').trim()),
    );
    for (const e of snapshot.entities)
      expect(headings).toContain(e.name.replace(/\s+/g, ' ').trim());
  });
});
