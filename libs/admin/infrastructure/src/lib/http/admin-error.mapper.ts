import { AdminError } from '@tall/admin/application';
import { domainErrorMapper } from '@tall/platform/http';

export const AdminErrorMapper = domainErrorMapper(AdminError, {
  statuses: {
    CONTENT_INVALID: 422,
    // Four eyes: the submitter may not publish alone (an override with a reason lets them).
    SECOND_ADMIN_REQUIRED: 403,
    CONTENT_KIND_NOT_AVAILABLE: 404,
    CONTENT_NOT_FOUND: 404,
    CONTENT_CHANGED: 409,
    NOT_A_DRAFT: 409,
    NOT_IN_REVIEW: 409,
    NOT_PUBLISHED: 409,
    ALREADY_ARCHIVED: 409,
    DUPLICATE_CONTENT: 409,
    STALE_VERSION: 409,
    OWNER_NOT_FOUND: 409,
    TOPIC_NOT_FOUND: 422,
  },
});
