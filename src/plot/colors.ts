/**
 * The Okabe–Ito palette: eight colours that stay distinguishable for the common kinds of colour blindness, and
 * in greyscale print. Every helper takes series and class colours from here, so class 0 has the same colour in a
 * decision boundary, a ROC curve and a loss plot.
 */
export const PALETTE = [
  "#0072B2", // blue
  "#D55E00", // vermillion
  "#009E73", // bluish green
  "#E69F00", // orange
  "#CC79A7", // reddish purple
  "#56B4E9", // sky blue
  "#F0E442", // yellow
  "#000000", // black
] as const;

/** The colour for series or class number `i`; wraps around after eight. */
export function colorAt(i: number): string {
  const n = PALETTE.length;
  return PALETTE[((i % n) + n) % n];
}

/** `#rrggbb` to `rgba(r, g, b, alpha)`, for translucent fills (error bands, decision regions). */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`withAlpha expects a colour like #1f77b4, got ${JSON.stringify(hex)}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => Number.parseInt(h, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
