// Hostile content against the core's defences (tests only: the defences live in
// src/core and src/shared). Each case stores visibly different text, or a link or file
// it must not, if its defence is removed: scripts in an imported page (jsdom must not run
// them), links that merely contain "https:" (the link regex must be anchored), and backup
// ids that are paths (the id pattern keeps every file inside the workspace).
import { existsSync, readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbench, type Workbench } from '../../src/core/workbench';
import { SAFE_HREF } from '../../src/shared/text';
import { tempDir, unwrap } from './helpers';

const XSS = join(import.meta.dirname, '../fixtures/xss');
let dir: string;
let cleanup: () => Promise<void>;
let wb: Workbench;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  wb = await openWorkbench(join(dir, 'ws'));
});
afterEach(() => cleanup());

const base64 = (text: string | Buffer): string => Buffer.from(text).toString('base64');

async function importDocument(fileName: string, data: string | Buffer) {
  const outcome = unwrap(await wb.call('documents.import', { fileName, dataBase64: base64(data) }));
  if (outcome.kind !== 'document') throw new Error('expected a document');
  return unwrap(await wb.call('documents.get', { id: outcome.documentId })).document;
}

describe('an imported page’s scripts', () => {
  it('never run: the stored text is the page’s own', async () => {
    const html = await readFile(join(XSS, 'scripts-that-rewrite.html'));
    const doc = await importDocument('scripts-that-rewrite.html', html);
    expect(doc.text).toContain('ORIGINAL-TEXT. Three former detainees');
    expect(doc.text).toContain('SECOND-PARAGRAPH.');
    expect(doc.title).toBe('Witness statements from Qezel Hesar');
    expect(`${doc.title}\n${doc.text}`).not.toContain('SCRIPT-RAN');
  });
});

describe('link safety', () => {
  it.each([
    'https://example.org',
    'http://example.org',
    'HTTPS://EXAMPLE.ORG',
    'mailto:someone@example.org',
  ])('keeps %s', (href) => {
    expect(SAFE_HREF.test(href)).toBe(true);
  });

  it.each([
    'xjavascript:alert(1)//https://example.org',
    'javascript:alert("https://example.org")',
    ' javascript:alert(1)//http://x',
    'vbscript:msgbox("mailto:x")',
    'data:text/html,https://x',
    'file:///etc/passwd#https:',
    '//evil.example/https:',
  ])('refuses %s, wherever "https:" or "mailto:" appears later', (href) => {
    expect(SAFE_HREF.test(href)).toBe(false);
  });

  it('keeps only the real link of an HTML page', async () => {
    const html = await readFile(join(XSS, 'unsafe-links.html'));
    const doc = await importDocument('unsafe-links.html', html);
    const hrefs = doc.marks.flatMap((mark) => (mark.href ? [mark.href] : []));
    expect(hrefs).toEqual(['https://example.org/report']);
    expect(doc.source.url).toBeUndefined();
  });

  it('keeps only the real link of a Markdown file', async () => {
    const markdown = [
      '# Links that only look safe',
      '',
      'See [a trick](xjavascript:alert(1)//https://example.org), ',
      '[a data link](data:text/html,https://x) and [the report](https://example.org/report).',
    ].join('\n');
    const doc = await importDocument('links.md', markdown);
    const hrefs = doc.marks.flatMap((mark) => (mark.href ? [mark.href] : []));
    expect(hrefs).toEqual(['https://example.org/report']);
  });
});

describe('the hostile corpus through the importers', () => {
  const payloads = readFileSync(join(XSS, 'payloads.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith(';; '));

  it('holds at least 300 distinct payloads of every kind the issue names', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(300);
    expect(new Set(payloads).size).toBe(payloads.length);
    for (const kind of [
      /<script/i,
      / on\w+=/,
      /javascript:/i,
      /data:/,
      /vbscript:/i,
      /<svg/,
      /<math/,
      /srcdoc/,
      /http-equiv="refresh"/,
      /<noscript>/,
    ]) {
      expect(
        payloads.some((p) => kind.test(p)),
        String(kind),
      ).toBe(true);
    }
  });

  it('keeps no unsafe link from any payload, as HTML or as Markdown', async () => {
    const html = payloads.map((p, i) => `<p>Payload ${i} about Evin prison: ${p}</p>`).join('');
    const markdown = payloads.map((p, i) => `Payload ${i}: ${p}`).join('\n\n');
    for (const doc of [
      await importDocument('corpus.html', `<title>Corpus</title><article>${html}</article>`),
      await importDocument('corpus.md', markdown),
    ]) {
      const hrefs = doc.marks.flatMap((mark) => (mark.href ? [mark.href] : []));
      expect(hrefs.filter((href) => !/^(https?:\/\/|mailto:)/i.test(href))).toEqual([]);
      expect(doc.text).toContain(`Payload ${payloads.length - 1}`);
    }
  });
});

describe('a backup restore', () => {
  it.each(['../../escaped', '..', 'a/../../escaped', 'a\\..\\escaped'])(
    'refuses the document id %s, and writes nothing outside the workspace',
    async (id) => {
      unwrap(await wb.call('documents.paste', { title: 'Notes', text: 'A note on Evin prison.' }));
      const backup = unwrap(await wb.call('export.create', { format: 'json' }));
      const data = JSON.parse(backup.content) as {
        documents: { document: { id: string }; annotations: { documentId?: string }[] }[];
      };
      expect(data.documents).toHaveLength(1);
      for (const entry of data.documents) {
        entry.document.id = id;
        for (const annotation of entry.annotations) annotation.documentId = id;
      }
      const fresh = await openWorkbench(join(dir, 'other', 'ws'));
      const outcome = await fresh.call('documents.import', {
        fileName: 'backup.json',
        dataBase64: base64(JSON.stringify(data)),
      });
      expect(outcome.ok).toBe(false);
      // Refused by the id pattern itself, before any later defence is needed.
      expect(JSON.stringify(outcome)).toMatch(/ids are letters, digits/);
      expect(existsSync(join(dir, 'escaped.json'))).toBe(false);
      expect(existsSync(join(dir, 'other', 'escaped.json'))).toBe(false);
      expect(await readdir(join(dir, 'other'))).toEqual(['ws']);
      expect(unwrap(await fresh.call('documents.list', {}))).toEqual([]);
    },
  );
});

describe('ids that every JavaScript object already has', () => {
  it.each(['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'prototype'])(
    'are refused where ids enter: %s',
    async (id) => {
      const reply = await wb.call('entities.dossier', { id });
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(!reply.ok && reply.error.message).toContain('a name every JavaScript object has');
    },
  );
});
