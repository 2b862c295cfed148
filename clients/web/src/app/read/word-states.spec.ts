import { contrastRatio, PAGE_BACKGROUND, WORD_STATE_STYLES } from './word-states';

const solid = (colour: string) => (colour === 'transparent' ? PAGE_BACKGROUND : colour);

describe('the colours of word states', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const [state, style] of Object.entries(WORD_STATE_STYLES)) {
    it(`keeps the text of a ${state} word readable (at least 4.5:1)`, () => {
      expect(contrastRatio(style.text, solid(style.background))).toBeGreaterThanOrEqual(4.5);
    });
    if (style.lineStyle !== 'none') {
      it(`draws the underline of a ${state} word visibly (at least 3:1)`, () => {
        expect(contrastRatio(style.line, solid(style.background))).toBeGreaterThanOrEqual(3);
      });
    }
  }

  it('tells every state apart without colour: each has its own underline style', () => {
    const styles = Object.values(WORD_STATE_STYLES).map((style) => style.lineStyle);
    expect(new Set(styles).size).toBe(styles.length);
  });

  it('sets the marked states off from the page', () => {
    expect(contrastRatio(WORD_STATE_STYLES.new.line, PAGE_BACKGROUND)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(WORD_STATE_STYLES.learning.line, PAGE_BACKGROUND)).toBeGreaterThanOrEqual(3);
  });
});
