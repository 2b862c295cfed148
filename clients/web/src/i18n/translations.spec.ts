import en from './en.json';
import nl from './nl.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort() : [];
}

function lookup(dictionary: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dictionary);
}

describe('the English and Dutch interface texts', () => {
  it('have the same keys', () => {
    expect(keys(nl).sort()).toEqual(keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keys(en)) expect({ key, placeholders: placeholders(lookup(nl, key)) }).toEqual({ key, placeholders: placeholders(lookup(en, key)) });
  });

  it('leave no text empty', () => {
    for (const key of keys(en)) {
      expect(String(lookup(en, key)).trim(), key).not.toBe('');
      expect(String(lookup(nl, key)).trim(), key).not.toBe('');
    }
  });
});

describe('formatting in each language', () => {
  it('formats dates and numbers in Dutch once the app’s i18n is loaded (Angular has only en-US built in)', async () => {
    const { formatDate, formatNumber } = await import('@angular/common');
    await import('../app/core/i18n');
    const when = new Date(Date.UTC(2026, 11, 6, 12, 0, 0));
    expect(formatDate(when, 'd MMMM y', 'nl', 'UTC')).toBe('6 december 2026');
    expect(formatNumber(1234.5, 'nl', '1.1-1')).toBe('1.234,5');
  });
});
