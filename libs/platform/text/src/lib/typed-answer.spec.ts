import { normalizeTypedAnswer } from './typed-answer';

describe('normalizeTypedAnswer', () => {
  it('forgives case, spaces, composition and the kind of apostrophe, and nothing else', () => {
    expect(normalizeTypedAnswer('  Z’n   Fiets ')).toBe("z'n fiets");
    expect(normalizeTypedAnswer('cafe\u0301')).toBe(normalizeTypedAnswer('café'));
    expect(normalizeTypedAnswer('fiets')).not.toBe(normalizeTypedAnswer('fits'));
    expect(normalizeTypedAnswer('café')).not.toBe(normalizeTypedAnswer('cafe'));
  });
});
