import { Schema } from 'mongoose';
import { outboxSchemaFields, type OutboxFields } from '@tall/platform/events';
import { adminModel } from './admin-connection';

const Mixed = Schema.Types.Mixed;

/** A history entry as the item's document keeps it. */
export interface StoredHistoryEntry {
  revision: number;
  action: string;
  actorId: string | null;
  at: Date;
  status: string;
  publishedVersion: number;
  diff: unknown[];
  override: { reason: string } | null;
}

/**
 * One content item (`_id`: `<kind>/<id>`): the working copy, the published content, what lists
 * show, its whole history, and the `content.updated` events of its publishes and archives in the
 * same document, so each step is one atomic write. Contents are held to their owner's strict
 * shapes before they are stored: their field names are the owner's, never a user's.
 */
export interface ContentItemDocument extends OutboxFields {
  _id: string;
  kind: string;
  itemId: string;
  status: string;
  revision: number;
  publishedVersion: number;
  live: string;
  title: string;
  level: string | null;
  topic: string | null;
  searchText: string;
  content: Record<string, unknown>;
  published: Record<string, unknown> | null;
  unpublishedChanges: boolean;
  createdAt: Date;
  createdBy: string | null;
  updatedAt: Date;
  updatedBy: string | null;
  submittedBy: string | null;
  history: StoredHistoryEntry[];
}

export const CONTENT_ITEM_MODEL = adminModel<ContentItemDocument>('AdminContentItem', 'admin_content_items', {
  _id: String,
  kind: String,
  itemId: String,
  status: String,
  revision: Number,
  publishedVersion: Number,
  live: String,
  title: String,
  level: String,
  topic: String,
  searchText: String,
  content: Mixed,
  published: Mixed,
  unpublishedChanges: Boolean,
  createdAt: Date,
  createdBy: String,
  updatedAt: Date,
  updatedBy: String,
  submittedBy: String,
  history: Mixed,
  ...outboxSchemaFields(),
});

export const ADMIN_MODELS = [CONTENT_ITEM_MODEL] as const;
/** Collections whose documents carry outboxes. */
export const ADMIN_OUTBOX_COLLECTIONS = [CONTENT_ITEM_MODEL.collection] as const;
