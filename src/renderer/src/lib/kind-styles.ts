// The colours of the codebook's highlight kinds as CSS, for the reader's paint
// (`::highlight(wb-<id>)`), the span fallback (`.hl-<id>`) and every swatch (`.swatch-<id>`).
// The Content-Security-Policy forbids inline <style>, so the rules go into a constructed
// stylesheet adopted by the document (CSSOM, which the policy allows). Each kind is painted
// with its palette entry's light or dark tint, so text stays readable in both themes; a
// colour from another tool is painted as the nearest palette colour. The CSS is built from
// ids and colours checked again here, whatever the store holds: nothing else can reach it.
import { nearestPaletteColour } from '../../../shared/concepts/palette';
import type { HighlightKindDef } from '../../../shared/model';

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SAFE_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** The CSS for these kinds; a kind whose id or colour is not of the safe shape is left out. */
export function kindStyleSheet(kinds: readonly HighlightKindDef[]): string {
  const light: string[] = [];
  const dark: string[] = [];
  const rules: string[] = [];
  for (const { id, colour } of kinds) {
    if (!SAFE_ID.test(id) || !SAFE_COLOUR.test(colour)) continue;
    const tint = nearestPaletteColour(colour);
    light.push(`--hl-${id}: ${tint.light};`);
    dark.push(`--hl-${id}: ${tint.dark};`);
    rules.push(
      `::highlight(wb-${id}) { background-color: var(--hl-${id}); }`,
      `.hl-${id}, .swatch-${id} { background: var(--hl-${id}); }`,
    );
  }
  return [
    `:root { ${light.join(' ')} }`,
    `@media (prefers-color-scheme: dark) { :root { ${dark.join(' ')} } }`,
    ...rules,
  ].join('\n');
}

let sheet: CSSStyleSheet | null = null;

/** Puts the kinds' rules in the document's adopted stylesheet (made once, replaced after). */
export function applyKindStyles(doc: Document, kinds: readonly HighlightKindDef[]): void {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in doc)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(kindStyleSheet(kinds));
}
