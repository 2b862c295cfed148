import { AdminError } from '../admin-error';
import type { OwnerProblem } from '../ports/content-owners.port';

/** The owner's refusal of a version as the admin context's error (nothing of the item changed). */
export function ownerRefusal(problem: OwnerProblem, kind: string, id: string): AdminError {
  switch (problem) {
    case 'TOPIC_NOT_FOUND':
      return new AdminError('TOPIC_NOT_FOUND', 'The word’s topic does not exist: publish the topic first, or choose another');
    case 'DUPLICATE':
      return new AdminError('DUPLICATE_CONTENT', `Another ${kind === 'topics' ? 'topic has this slug' : 'word of the topic has this lemma and part of speech'}`);
    case 'STALE_VERSION':
      return new AdminError('STALE_VERSION', `The owner holds a newer version of ${kind} ${id} than this one; reload the item`);
    case 'NOT_FOUND':
      return new AdminError('OWNER_NOT_FOUND', `The owner no longer has ${kind} ${id}`);
  }
}
