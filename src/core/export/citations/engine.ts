// citation-js, loaded on first use (it brings citeproc-js, about 2 MB) with our CSL styles
// and locales registered once: the styles and the en-GB/en-US locales are the files in
// resources/csl, bundled as text, so a citation never depends on what a package upgrade
// ships or on the network. A missing locale is not an error in citation-js (it falls back
// to en-US quietly), which is why both are registered here and tested.
import type { Cite as CiteClass, CslItem, Registry } from '@citation-js/core';
import type { CitationLocale, CitationStyle } from '../../../shared/concepts/citation-styles';

export interface CitationJs {
  Cite: typeof CiteClass;
  bibtexConfig: { format: { asciiOnly: boolean; checkLabel: boolean } };
}

let loading: Promise<CitationJs> | undefined;

async function load(): Promise<CitationJs> {
  const core = await import('@citation-js/core');
  await import('@citation-js/plugin-csl');
  await import('@citation-js/plugin-bibtex');
  await import('@citation-js/plugin-ris');
  const csl = core.plugins.config.get('@csl') as { styles: Registry; locales: Registry };
  // The styles and locales are data kept unmodified under resources/csl (their licence asks
  // that), bundled as text: the one import of the core from outside src/.
  /* eslint-disable local/layers */
  const styles: Record<CitationStyle, Promise<{ default: string }>> = {
    'chicago-author-date': import('../../../../resources/csl/chicago-author-date.csl?raw'),
    apa: import('../../../../resources/csl/apa.csl?raw'),
    'harvard-cite-them-right': import('../../../../resources/csl/harvard-cite-them-right.csl?raw'),
    oscola: import('../../../../resources/csl/oscola.csl?raw'),
  };
  const locales: Record<CitationLocale, Promise<{ default: string }>> = {
    'en-GB': import('../../../../resources/csl/locales-en-GB.xml?raw'),
    'en-US': import('../../../../resources/csl/locales-en-US.xml?raw'),
  };
  /* eslint-enable local/layers */
  for (const [name, xml] of Object.entries(styles)) csl.styles.add(name, (await xml).default);
  for (const [name, xml] of Object.entries(locales)) csl.locales.add(name, (await xml).default);
  const bibtexConfig = core.plugins.config.get('@bibtex') as CitationJs['bibtexConfig'];
  // Its ASCII-only output drops every letter it has no LaTeX command for (all of Persian
  // and Arabic): our writer escapes LaTeX's special characters itself and keeps UTF-8.
  bibtexConfig.format.asciiOnly = false;
  return { Cite: core.Cite, bibtexConfig };
}

export function citationJs(): Promise<CitationJs> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Where in a source a quote is: a paragraph, or a page with the paragraph on it. */
export interface Locator {
  label: 'paragraph' | 'page';
  locator: string;
  /** Printed after the locator inside the citation ("¶ 2" on a page). */
  suffix?: string;
}

/** Formats citations and a bibliography of some sources in one style and locale. */
export class Citer {
  private readonly cite: CiteClass;
  private readonly cache = new Map<string, string>();

  constructor(
    lib: CitationJs,
    items: readonly CslItem[],
    readonly style: CitationStyle,
    readonly locale: CitationLocale,
  ) {
    this.cite = new lib.Cite(items);
  }

  /** Each source's bibliography entry as citeproc's HTML, by source id. */
  bibliography(): Map<string, string> {
    const html = this.cite.format('bibliography', {
      format: 'html',
      style: this.style,
      lang: this.locale,
    }) as string;
    const entries = new Map<string, string>();
    const pattern = /<div data-csl-entry-id="([^"]+)" class="csl-entry">([\s\S]*?)<\/div>\n/g;
    for (const m of html.matchAll(pattern)) entries.set(m[1]!, m[2]!.trim());
    return entries;
  }

  /** Each source's bibliography entry as plain text, in the style's order. */
  bibliographyText(): string[] {
    const text = this.cite.format('bibliography', {
      format: 'text',
      style: this.style,
      lang: this.locale,
    }) as string;
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  }

  /** The in-text citation (or, for a note style, the footnote's text) as HTML. */
  citation(id: string, where?: Locator): string {
    const key = `${id}\u0000${where?.label ?? ''}\u0000${where?.locator ?? ''}\u0000${where?.suffix ?? ''}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const item = { id, ...(where ?? {}) };
    const html = this.cite.format('citation', {
      format: 'html',
      style: this.style,
      lang: this.locale,
      entry: { citationItems: [item], properties: { noteIndex: 0 } },
    }) as string;
    this.cache.set(key, html.trim());
    return html.trim();
  }
}

export async function citerFor(
  items: readonly CslItem[],
  style: CitationStyle,
  locale: CitationLocale,
): Promise<Citer> {
  return new Citer(await citationJs(), items, style, locale);
}
