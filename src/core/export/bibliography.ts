// The workspace's sources as a bibliography other tools read: CSL-JSON (Zotero, Pandoc,
// citeproc), RIS (Zotero, EndNote, Mendeley) and BibTeX in its BibLaTeX form (@online with
// urldate and language, which plain BibTeX has no field for). citation-js maps CSL items to
// each format's types and fields; the text of each file is written here, because its own
// writers damage what they write: its RIS writer breaks every value after 70 characters
// (its reader joins the pieces with a space, so "record" comes back "re cord"), and its
// BibTeX writer either drops every character it has no LaTeX command for (all of Persian)
// or, told to keep them, escapes nothing at all (a % starts a comment). So the values are
// escaped for LaTeX here before formatting, and UTF-8 is kept as UTF-8.
import type { CslItem } from '@citation-js/core';
import { citationJs } from './citations/engine';
import { toCslItem } from './citations/csl-items';
import type { Snapshot } from './snapshot';

const itemsOf = (snapshot: Snapshot): CslItem[] =>
  snapshot.documents.map((d) => toCslItem(d.document));

export function exportCslJson(snapshot: Snapshot): Promise<string> {
  return Promise.resolve(`${JSON.stringify(itemsOf(snapshot), null, 2)}\n`);
}

export async function exportRis(snapshot: Snapshot): Promise<string> {
  const { Cite } = await citationJs();
  const entries = new Cite(itemsOf(snapshot)).format('ris', { format: 'object' }) as Record<
    string,
    string | string[]
  >[];
  const lines: string[] = [];
  for (const entry of entries) {
    lines.push(`TY  - ${String(entry.TY)}`);
    for (const [tag, value] of Object.entries(entry)) {
      if (tag === 'TY') continue;
      for (const v of [value].flat())
        lines.push(`${tag}  - ${String(v).replace(/\s*\n\s*/g, ' ')}`);
    }
    lines.push('ER  - ', '');
  }
  return lines.join('\r\n');
}

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '%': '\\%',
  '#': '\\#',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** A value as LaTeX text: its special characters escaped, everything else kept. */
export const latexText = (value: string): string =>
  value.replace(/[\\{}$%#&_~^]/g, (c) => LATEX_SPECIALS[c]!);

const VERBATIM = new Set(['URL', 'DOI', 'id', 'type', 'language']);

function escapeForLatex(value: unknown, key: string): unknown {
  if (VERBATIM.has(key)) return value;
  if (typeof value === 'string') return latexText(value);
  if (Array.isArray(value)) return value.map((v) => escapeForLatex(v, key));
  if (value && typeof value === 'object' && !('date-parts' in value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeForLatex(v, k)]));
  return value;
}

export async function exportBibtex(snapshot: Snapshot): Promise<string> {
  const { Cite } = await citationJs();
  const items = itemsOf(snapshot).map((item) => escapeForLatex(item, '') as CslItem);
  const entries = new Cite(items).format('biblatex', { format: 'object' }) as {
    type: string;
    label: string;
    properties: Record<string, string>;
  }[];
  return entries
    .map(({ type, label, properties }) => {
      const fields = Object.entries(properties)
        // urldate says when it was accessed; the note citation-js adds repeats it.
        .filter(([k, v]) => !(k === 'note' && properties.urldate && /^\[Online; accessed/.test(v)))
        .map(([k, v]) => `  ${k} = {${v.replace(/\s*\n\s*/g, ' ')}},`);
      return `@${type}{${label},\n${fields.join('\n')}\n}\n`;
    })
    .join('\n');
}
