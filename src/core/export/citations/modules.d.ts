// Types for what the citation code imports without types of its own: citation-js 0.8
// ships none (and there is no @types package), so these declare just the parts used here;
// CSL styles and locales are imported as text (Vite's `?raw`), bundled with the code.
declare module '@citation-js/core' {
  /** A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
  export type CslItem = Record<string, unknown> & { id: string };

  export interface FormatOptions {
    format?: 'text' | 'html' | 'object';
    style?: string;
    lang?: string;
    entry?: unknown;
    spec?: string;
  }

  export class Cite {
    constructor(data?: unknown, options?: { forceType?: string });
    data: CslItem[];
    format(type: string, options?: FormatOptions): unknown;
  }

  export interface Registry {
    add(name: string, value: string): void;
    has(name: string): boolean;
  }

  export const plugins: {
    config: { get(name: string): unknown };
  };
}

declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';

declare module '*.csl?raw' {
  const text: string;
  export default text;
}
declare module '*.xml?raw' {
  const text: string;
  export default text;
}
