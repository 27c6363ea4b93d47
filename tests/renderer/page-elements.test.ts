// The window's half of showing a saved web page as it was (lib/page-elements.ts): the
// core's tree is checked again as it becomes elements, so even a forged tree cannot make
// a script, a frame, a remote image or a javascript: link. Pinned by
// scripts/check-guards.mjs; the core's half is tests/integration/original-page.test.ts.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { pageElement } from '../../src/renderer/src/lib/page-elements';
import type { PageNode } from '../../src/shared/page-tree';

describe('the window’s turning of a page tree into elements', () => {
  const markup = (nodes: PageNode[]): string =>
    renderToStaticMarkup(createElement('div', null, ...nodes.map(pageElement)));

  it('refuses a forged tree’s scripts, frames, remote images and javascript: links', () => {
    const forged = [
      { tag: 'script', children: ['alert(1)'] },
      { tag: 'iframe', children: [] },
      { tag: 'a', href: 'javascript:alert(2)', children: ['click'] },
      { tag: 'img', src: 'https://t.example/track.png', alt: 'pixel', children: [] },
      { tag: 'img', src: 'data:image/svg+xml;base64,PHN2Zz4=', children: [] },
    ] as unknown as PageNode[];
    const html = markup(forged);
    expect(html).not.toMatch(/<script|<iframe|<img|javascript:|t\.example/);
    expect(html).toBe('<div><span>click</span></div>');
  });

  it('shows what is allowed: links to the web, the file’s own images, tables', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const html = markup([
      { tag: 'a', href: 'https://example.org/r', children: ['the report'] },
      { tag: 'img', src: png, alt: 'Prison walls', children: [] },
      { tag: 'h1', children: ['Raid'] },
      {
        tag: 'table',
        children: [{ tag: 'tr', children: [{ tag: 'td', colSpan: 2, children: ['Evin'] }] }],
      },
    ]);
    expect(html).toContain(
      '<a href="https://example.org/r" target="_blank" rel="noopener noreferrer nofollow">',
    );
    expect(html).toContain(`<img src="${png}" alt="Prison walls"/>`);
    // The page's headings sit under the view's own.
    expect(html).toContain('<h2>Raid</h2>');
    expect(html).toContain('<td colSpan="2">Evin</td>');
  });
});
