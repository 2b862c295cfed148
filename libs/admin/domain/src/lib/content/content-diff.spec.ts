import { contentDiff, sameContent } from './content-diff';
import { TAFEL } from '../../test-support/sample-content';

describe('contentDiff', () => {
  it('names each changed value by its dotted path, with what it was and became', () => {
    const after = { ...TAFEL, translations: { ...TAFEL.translations, en: 'desk', uk: 'стіл' }, plural: null };
    const { ru: _ru, ...withoutRussian } = after.translations;
    expect(contentDiff(TAFEL, { ...after, translations: withoutRussian })).toEqual([
      { op: 'changed', path: 'plural', from: 'tafels', to: null },
      { op: 'changed', path: 'translations.en', from: 'table', to: 'desk' },
      { op: 'removed', path: 'translations.ru', from: 'стол' },
      { op: 'added', path: 'translations.uk', to: 'стіл' },
    ]);
  });

  it('shows a new object as one addition and array elements by index', () => {
    expect(contentDiff({}, { example: { nl: 'a', en: 'b' } })).toEqual([{ op: 'added', path: 'example', to: { nl: 'a', en: 'b' } }]);
    expect(contentDiff({ items: ['a', 'b'] }, { items: ['a', 'c'] })).toEqual([{ op: 'changed', path: 'items.1', from: 'b', to: 'c' }]);
  });

  it('finds nothing between equal contents, whatever the order of their keys', () => {
    const reordered = Object.fromEntries(Object.entries(TAFEL).reverse());
    expect(contentDiff(TAFEL, reordered)).toEqual([]);
    expect(sameContent(TAFEL, reordered)).toBe(true);
    expect(sameContent(TAFEL, { ...TAFEL, lemma: 'stoel' })).toBe(false);
  });
});
