// The window's page names its icon, one drawn in this project: without it the browser asks
// for /favicon.ico, which the browser host does not have, and every load logged a 404 in
// the console.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(import.meta.dirname, '../../src/renderer');

describe('the window icon', () => {
  it('is declared in index.html and is a local SVG with nothing remote in it', () => {
    const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
    const href = /<link rel="icon" type="image\/svg\+xml" href="\.\/([\w.-]+)"/.exec(html)?.[1];
    expect(href).toBe('icon.svg');
    const svg = readFileSync(join(RENDERER, href!), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // The namespace is a name, not a fetch; nothing else may point outside.
    expect(svg.replaceAll('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:|href=|<script/i);
  });
});
