import { ContentWorkflowError, type ContentWorkflowCode } from '@tall/admin/domain';
import { DomainError } from '@tall/platform/errors';

export type AdminErrorCode =
  | ContentWorkflowCode
  /** A kind whose owner has no admin contract yet (texts, videos, exercises). */
  | 'CONTENT_KIND_NOT_AVAILABLE'
  | 'CONTENT_NOT_FOUND'
  /**
   * The content does not fit its owner's shape or rules (a noun without its article): 422 with
   * per-field details. The request's own shape is the platform's 400 `VALIDATION_FAILED`; what a
   * kind's content must be is a rule the OpenAPI document cannot state.
   */
  | 'CONTENT_INVALID'
  /** The owner refused: a word's topic it does not have. */
  | 'TOPIC_NOT_FOUND'
  /** The owner refused: a topic's slug, or a word's lemma and part of speech in its topic, is taken. */
  | 'DUPLICATE_CONTENT'
  /** The owner holds a newer version than this item's next one. */
  | 'STALE_VERSION'
  /** The owner no longer has what this item says students get. */
  | 'OWNER_NOT_FOUND';

/** Why the admin context refuses a request; infrastructure's AdminErrorMapper gives each code its status. */
export class AdminError extends DomainError<AdminErrorCode> {}

export const adminErrors = {
  kindNotAvailable: (kind: string) =>
    new AdminError('CONTENT_KIND_NOT_AVAILABLE', `Content of kind ${kind} cannot be edited here yet: its owner has no admin contract`, { kind }),
  notFound: (kind: string, id: string) => new AdminError('CONTENT_NOT_FOUND', `No ${kind} item ${id}`),
  invalidContent: (fields: ReadonlyArray<{ field: string; code: string; message: string }>) =>
    new AdminError('CONTENT_INVALID', 'The content does not fit its kind', { fields: fields.map((field) => ({ ...field, field: `content.${field.field}` })) }),
};

/** Runs a workflow step; its refusals leave as the admin context's errors. */
export function workflowStep<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ContentWorkflowError) throw new AdminError(error.code, error.message, error.details);
    throw error;
  }
}
