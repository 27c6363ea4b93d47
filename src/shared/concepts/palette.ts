// The colours a highlight kind or a code can take, defined once: the codebook's editor offers
// them, the reader paints a kind with its entry's light or dark tint (so text stays readable
// on it in either theme), and REFI-QDA exports write its `hex`. The hues are those of the
// Okabe–Ito and Tol palettes, chosen to stay apart for readers with the common forms of
// colour blindness; a kind's name is always shown beside its colour, never the colour alone.
export interface PaletteColour {
  id: string;
  label: string;
  /** The colour as other tools store it (REFI-QDA `color`), and as a swatch's border. */
  hex: string;
  /** The tint painted under text on a light page (dark text stays above 7:1 on it). */
  light: string;
  /** The tint painted under text on a dark page (translucent, so light text stays readable). */
  dark: string;
}

export const PALETTE: readonly PaletteColour[] = [
  {
    id: 'amber',
    label: 'Amber',
    hex: '#e69f00',
    light: '#fde68a',
    dark: 'rgba(234, 179, 8, 0.38)',
  },
  {
    id: 'sky',
    label: 'Sky blue',
    hex: '#56b4e9',
    light: '#bfdbfe',
    dark: 'rgba(59, 130, 246, 0.4)',
  },
  {
    id: 'green',
    label: 'Bluish green',
    hex: '#009e73',
    light: '#bbf7d0',
    dark: 'rgba(34, 197, 94, 0.36)',
  },
  {
    id: 'pink',
    label: 'Reddish purple',
    hex: '#cc79a7',
    light: '#fbcfe8',
    dark: 'rgba(236, 72, 153, 0.36)',
  },
  {
    id: 'vermillion',
    label: 'Vermillion',
    hex: '#d55e00',
    light: '#fed7aa',
    dark: 'rgba(249, 115, 22, 0.4)',
  },
  { id: 'blue', label: 'Blue', hex: '#0072b2', light: '#c7d2fe', dark: 'rgba(99, 102, 241, 0.45)' },
  { id: 'teal', label: 'Teal', hex: '#44aa99', light: '#99f6e4', dark: 'rgba(20, 184, 166, 0.38)' },
  {
    id: 'purple',
    label: 'Purple',
    hex: '#aa4499',
    light: '#e9d5ff',
    dark: 'rgba(168, 85, 247, 0.4)',
  },
  { id: 'grey', label: 'Grey', hex: '#999999', light: '#e5e7eb', dark: 'rgba(156, 163, 175, 0.4)' },
];

/** The palette entry of a colour, if it is one of ours. */
export const paletteColour = (hex: string): PaletteColour | undefined =>
  PALETTE.find((c) => c.hex === hex.toLowerCase());

/** The palette entry nearest a colour from another tool (by distance in RGB), for painting. */
export function nearestPaletteColour(hex: string): PaletteColour {
  const rgb = (h: string): number[] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const [r, g, b] = rgb(hex);
  let best = PALETTE[0]!;
  let bestDistance = Infinity;
  for (const c of PALETTE) {
    const [r2, g2, b2] = rgb(c.hex);
    const d = (r! - r2!) ** 2 + (g! - g2!) ** 2 + (b! - b2!) ** 2;
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}
