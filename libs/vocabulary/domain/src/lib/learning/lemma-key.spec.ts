import { lemmaKey } from './lemma-key';

describe('lemmaKey', () => {
  it('ignores case and surrounding or repeated whitespace', () => {
    expect(lemmaKey(' Huis ')).toBe('huis');
    expect(lemmaKey('HUIS')).toBe(lemmaKey('huis'));
    expect(lemmaKey('op  de   hoogte')).toBe('op de hoogte');
  });

  it('keeps accents, and treats composed and decomposed forms as one', () => {
    expect(lemmaKey('één')).not.toBe(lemmaKey('een'));
    expect(lemmaKey('e\u0301e\u0301n')).toBe(lemmaKey('één'));
    expect(lemmaKey('IJsje')).toBe('ijsje');
  });
});
