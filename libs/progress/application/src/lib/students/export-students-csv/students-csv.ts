import type { StudentSummary } from '@tall/progress/contracts';

const COLUMNS: ReadonlyArray<[header: string, cell: (row: StudentSummary) => string | number | null, kind: 'text' | 'number']> = [
  ['student_id', (row) => row.studentId, 'text'],
  ['first_name', (row) => row.name?.firstName ?? null, 'text'],
  ['last_name', (row) => row.name?.lastName ?? null, 'text'],
  ['status', (row) => row.status, 'text'],
  ['last_active_at', (row) => row.lastActiveAt, 'text'],
  ['days_active', (row) => row.daysActive, 'number'],
  ['streak_days', (row) => row.streak, 'number'],
  ['mastered_this_week', (row) => row.masteredThisWeek, 'number'],
  ['words_mastered', (row) => row.wordsMastered, 'number'],
  ['reviews', (row) => row.reviews, 'number'],
  ['accuracy_percent', (row) => (row.accuracy === null ? null : Number((row.accuracy * 100).toFixed(1))), 'number'],
  ['inactive', (row) => (row.inactive ? 'yes' : 'no'), 'text'],
  ['inactive_days', (row) => row.inactiveDays, 'number'],
];

/**
 * A text cell a spreadsheet would read as a formula (OWASP "CSV injection") is prefixed with a
 * quote. Numbers are ours and stay numbers: a net change of -2 must remain sortable.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The dashboard table as RFC 4180 CSV: a header row, CRLF line ends. */
export function studentsCsv(rows: readonly StudentSummary[]): string {
  const lines = [COLUMNS.map(([header]) => header).join(',')];
  for (const row of rows) {
    lines.push(
      COLUMNS.map(([, cell, kind]) => {
        const value = cell(row);
        if (value === null) return '';
        return csvField(kind === 'text' ? neutraliseFormula(String(value)) : String(value));
      }).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
