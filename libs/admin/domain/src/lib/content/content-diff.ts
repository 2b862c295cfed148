import microdiff from 'microdiff';
import type { ContentDiffEntry } from '@tall/admin/contracts';

export type Content = Record<string, unknown>;

const OPS = { CREATE: 'added', REMOVE: 'removed', CHANGE: 'changed' } as const;

/**
 * What changed from one content to the next, as the history shows it: one entry per value
 * added, removed or changed, at a dotted path into the content (`translations.en`,
 * `verb.participle`, an array's element as `items.2`). A whole new object is one `added` entry.
 */
export function contentDiff(before: Content, after: Content): ContentDiffEntry[] {
  return microdiff(before, after).map((difference): ContentDiffEntry => {
    const path = difference.path.map(String).join('.');
    switch (difference.type) {
      case 'CREATE':
        return { op: OPS.CREATE, path, to: difference.value };
      case 'REMOVE':
        return { op: OPS.REMOVE, path, from: difference.oldValue };
      case 'CHANGE':
        return { op: OPS.CHANGE, path, from: difference.oldValue, to: difference.value };
    }
  });
}

export function sameContent(a: Content, b: Content): boolean {
  return microdiff(a, b).length === 0;
}
