import { quoteIdentifier, resultRows } from './sql-executor';

describe('resultRows', () => {
  it('reads rows from pg results and from TypeORM raw results', () => {
    expect(resultRows({ rows: [{ a: 1 }], rowCount: 1 })).toEqual([{ a: 1 }]);
    expect(resultRows([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(resultRows([[{ a: 1 }], 1])).toEqual([{ a: 1 }]);
    expect(resultRows(undefined)).toEqual([]);
  });
});

describe('quoteIdentifier', () => {
  it('quotes plain lower-case identifiers and refuses anything else', () => {
    expect(quoteIdentifier('progress_2')).toBe('"progress_2"');
    for (const bad of ['', '2x', 'a-b', 'a"b', 'Ab', 'a b', 'x'.repeat(64)]) expect(() => quoteIdentifier(bad)).toThrow();
  });
});
