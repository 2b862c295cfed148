import type { ApiProblem } from '@tall/client/api';

/** What is wrong with one field: a key the page translates (`required`, `cyrillic`…) and its parameters. */
export interface FieldProblem {
  key: string;
  params?: Record<string, unknown>;
}

/** Problems by the field's path into the content (`lemma`, `translations.ru`, `verb.participle`). */
export type FieldProblems = Record<string, FieldProblem>;

/** Text as the dictionary keeps it: trimmed, one space between words. */
export function cleanText(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** A required dictionary text: present and not too long. */
export function checkText(value: string, max = 200): FieldProblem | null {
  if (!value) return { key: 'required' };
  if (value.length > max) return { key: 'tooLong', params: { max } };
  return null;
}

/**
 * The API's own messages per field, by the path into the content: a body the route refuses (400)
 * or content that breaks its kind's rules (422 `CONTENT_INVALID`); their paths start with `content.`.
 */
export function serverFieldErrors(problem: ApiProblem | null): Record<string, string> {
  if (!problem || (problem.status !== 400 && problem.status !== 422)) return {};
  return Object.fromEntries(Object.entries(problem.fieldErrors()).map(([field, message]) => [field.replace(/^content\./, ''), message]));
}
