// A note's Markdown with `[[...]]` links: each link is handed to the caller's renderer with
// its target and label, wherever it sits in the text, never inside code; without a
// renderer the brackets stay text; and raw HTML is still never rendered.
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../src/renderer/src/features/notes/Markdown';

const asLink = (target: string, label: ReactNode): ReactNode =>
  createElement('button', { 'data-target': target }, label);

const render = (source: string, withLinks = true): string =>
  renderToStaticMarkup(
    createElement(Markdown, { source, ...(withLinks ? { noteLink: asLink } : {}) }),
  );

describe('Markdown with note links', () => {
  it('renders each [[...]] through the caller, keeping the text around it', () => {
    expect(render('Held at [[Evin prison]] in 1988.')).toBe(
      '<div class="markdown"><p>Held at <button data-target="Evin prison">Evin prison</button> in 1988.</p></div>',
    );
  });

  it('finds links inside emphasis and list items, with their labels', () => {
    const html = render('- *[[Hamid Noury|Noury]]* and **[[Gohardasht]]**');
    expect(html).toContain('<em><button data-target="Hamid Noury">Noury</button></em>');
    expect(html).toContain('<strong><button data-target="Gohardasht">Gohardasht</button></strong>');
  });

  it('leaves [[...]] in code as written, and as text when no renderer is given', () => {
    expect(render('`[[Evin prison]]`')).toContain('<code>[[Evin prison]]</code>');
    expect(render('[[Evin prison]]', false)).toBe(
      '<div class="markdown"><p>[[Evin prison]]</p></div>',
    );
  });

  it('still renders no raw HTML, also next to a link', () => {
    const html = render('<img src=x onerror=alert(1)> [[Evin prison]] <script>alert(1)</script>');
    expect(html).not.toMatch(/<img|<script|onerror/);
    expect(html).toContain('data-target="Evin prison"');
  });
});
