import type { Pool } from 'pg';
import { sqlIdentifier } from '@tall/platform/database';
import { READ_MODEL_TABLES } from '../persistence/progress-schema';

export interface TableDifference {
  table: string;
  rows: [number, number];
  /** A few rows only one side has, for the report. */
  onlyIn: { left: string[]; right: string[] };
}

/** Every row of every read-model table of a schema, as text, sorted: equal models give equal dumps. */
export async function dumpReadModel(pool: Pool, schema: string): Promise<Map<string, string[]>> {
  const s = sqlIdentifier(schema);
  const dump = new Map<string, string[]>();
  for (const table of READ_MODEL_TABLES) {
    const { rows } = await pool.query<{ row: string }>(`SELECT t::text AS row FROM ${s}.${table} t ORDER BY 1`);
    dump.set(table, rows.map((row) => row.row));
  }
  return dump;
}

/** Row-by-row differences of two read models (none: they are equal). */
export async function compareReadModels(pool: Pool, left: string, right: string, sample = 5): Promise<TableDifference[]> {
  const [a, b] = await Promise.all([dumpReadModel(pool, left), dumpReadModel(pool, right)]);
  const differences: TableDifference[] = [];
  for (const table of READ_MODEL_TABLES) {
    const leftRows = a.get(table) ?? [];
    const rightRows = b.get(table) ?? [];
    const leftSet = new Set(leftRows);
    const rightSet = new Set(rightRows);
    const onlyLeft = leftRows.filter((row) => !rightSet.has(row));
    const onlyRight = rightRows.filter((row) => !leftSet.has(row));
    if (onlyLeft.length > 0 || onlyRight.length > 0 || leftRows.length !== rightRows.length) {
      differences.push({ table, rows: [leftRows.length, rightRows.length], onlyIn: { left: onlyLeft.slice(0, sample), right: onlyRight.slice(0, sample) } });
    }
  }
  return differences;
}
