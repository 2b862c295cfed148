import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommonPasswords } from '@tall/profile/domain';

/**
 * The shipped list (`assets/common-passwords.txt`, copied beside the build by the build script):
 * the most frequent entries of the well-known public top-password lists, with the variations
 * people make of them (digit, year and symbol suffixes, keyboard walks, digit runs, dates) and
 * common Dutch words, lower-case, one per line. Entries shorter than 8 characters are left out:
 * the length rule refuses those anyway.
 */
export const COMMON_PASSWORDS_FILE = join(__dirname, '../../assets/common-passwords.txt');

export function loadCommonPasswords(file = COMMON_PASSWORDS_FILE): Set<string> {
  const list = parseCommonPasswords(readFileSync(file, 'utf8'));
  if (list.size < 1_000) throw new Error(`The common-password list at ${file} is missing or truncated (${list.size} entries)`);
  return list;
}
