import { DomainError } from '@tall/platform/errors';

export type ContentWorkflowCode =
  /** The item changed since the revision the admin started from. */
  | 'CONTENT_CHANGED'
  /** Only a draft goes to review. */
  | 'NOT_A_DRAFT'
  /** Only an item in review is published. */
  | 'NOT_IN_REVIEW'
  /** The admin who sent it to review publishes it only with an override and a reason. */
  | 'SECOND_ADMIN_REQUIRED'
  /** Nothing of it is live: a draft that was never published is edited, not archived. */
  | 'NOT_PUBLISHED'
  | 'ALREADY_ARCHIVED';

/** Why the workflow refuses a step; the application passes it on as its own error. */
export class ContentWorkflowError extends DomainError<ContentWorkflowCode> {}
