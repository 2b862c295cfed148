import { MemoryStorage } from '@tall/client/api/testing';
import { changeFontSize, FONT_SIZE, storedFontSize } from './reader-font';

describe('the reader’s text size', () => {
  it('starts at the standard size and ignores a stored size out of range', () => {
    const storage = new MemoryStorage();
    expect(storedFontSize(storage)).toBe(FONT_SIZE.standard);
    storage.setItem('tall.reader.fontSize', '99');
    expect(storedFontSize(storage)).toBe(FONT_SIZE.standard);
    storage.setItem('tall.reader.fontSize', 'big');
    expect(storedFontSize(storage)).toBe(FONT_SIZE.standard);
  });

  it('changes a step at a time within its limits and is remembered', () => {
    const storage = new MemoryStorage();
    expect(changeFontSize(18, 1, storage)).toBe(20);
    expect(storedFontSize(storage)).toBe(20);
    expect(changeFontSize(FONT_SIZE.max, 1, storage)).toBe(FONT_SIZE.max);
    expect(changeFontSize(FONT_SIZE.min, -1, storage)).toBe(FONT_SIZE.min);
  });
});
