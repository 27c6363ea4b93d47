// The hostile content corpus (tests/fixtures/xss/payloads.txt) and the documents built
// from it, shared by the end-to-end test that renders it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixtures';

export const PAYLOADS: string[] = readFileSync(
  join(ROOT, 'tests/fixtures/xss/payloads.txt'),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith(';; '));

/** One saved web page carrying every payload, each in its own paragraph with real words. */
export function corpusHtml(): string {
  const paragraphs = PAYLOADS.map(
    (payload, i) => `<p>Hostile payload ${i} in a report about Evin prison: ${payload}</p>`,
  );
  return [
    '<!doctype html><html><head><title>Hostile corpus as HTML</title></head><body><article>',
    '<h1>Hostile corpus as HTML</h1>',
    ...paragraphs,
    '</article></body></html>',
  ].join('\n');
}

export function corpusMarkdown(): string {
  const paragraphs = PAYLOADS.map((payload, i) => `Hostile payload ${i}: ${payload}`);
  return ['# Hostile corpus as Markdown', '', ...paragraphs].join('\n\n');
}

export function corpusText(): string {
  return PAYLOADS.map((payload, i) => `Pasted payload ${i}: ${payload}`).join('\n\n');
}
