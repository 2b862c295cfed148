import type { WordState } from '@tall/client/reader/data-access';

export interface WordStateStyle {
  /** Behind the word; `transparent` leaves the page's white. */
  background: string;
  text: string;
  /** The underline: its colour and style tell the states apart without colour too. */
  line: string;
  lineStyle: 'solid' | 'dashed' | 'dotted' | 'none';
}

/** The background the reader's text sits on (Material's surface-container-lowest). */
export const PAGE_BACKGROUND = '#ffffff';

/**
 * How each state looks. Text keeps at least 4.5:1 against its background and underlines 3:1
 * (WCAG 1.4.3 and 1.4.11; checked in word-states.spec.ts), and each state has its own underline
 * style, so the states differ for people who do not see the colours.
 */
export const WORD_STATE_STYLES: Readonly<Record<WordState, WordStateStyle>> = {
  new: { background: '#dbeafe', text: '#1a1c1e', line: '#1d4ed8', lineStyle: 'solid' },
  learning: { background: '#fef3c7', text: '#1a1c1e', line: '#92400e', lineStyle: 'dashed' },
  known: { background: 'transparent', text: '#1a1c1e', line: 'transparent', lineStyle: 'none' },
  ignored: { background: 'transparent', text: '#4a4d55', line: '#5f636b', lineStyle: 'dotted' },
};

/** The styles as CSS custom properties (`--word-new-bg`, `--word-new-text`, `--word-new-decoration`) for an element holding words. */
export function wordStateProperties(): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [state, style] of Object.entries(WORD_STATE_STYLES)) {
    properties[`--word-${state}-bg`] = style.background;
    properties[`--word-${state}-text`] = style.text;
    properties[`--word-${state}-decoration`] = style.lineStyle === 'none' ? 'none' : `underline ${style.lineStyle} ${style.line}`;
  }
  return properties;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(one: string, two: string): number {
  const [lighter, darker] = [luminance(one), luminance(two)].sort((a, b) => b - a);
  return (lighter + 0.05) / (darker + 0.05);
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((value) => (value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
