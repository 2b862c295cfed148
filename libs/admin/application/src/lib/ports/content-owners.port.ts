import type { ContentKind } from '@tall/admin/contracts';
import type { Content, ContentListing } from '@tall/admin/domain';

export interface ContentFieldProblem {
  /** Dotted path into the content. */
  field: string;
  code: string;
  message: string;
}

/** What a kind's owner makes of a content: the content as it reads it, and what lists show. */
export type OwnerCheck = { valid: true; content: Content; listing: OwnerListing } | { valid: false; fields: ContentFieldProblem[] };

/** A listing, whose level may be another item's (a word's is its topic's). */
export interface OwnerListing extends Omit<ContentListing, 'level'> {
  level: ContentListing['level'] | { of: { kind: ContentKind; id: string } };
}

export type OwnerProblem = 'TOPIC_NOT_FOUND' | 'DUPLICATE' | 'STALE_VERSION' | 'NOT_FOUND';

/** An item the owner serves, for adoption. */
export interface OwnedEntry {
  kind: ContentKind;
  id: string;
  content: Content;
  archived: boolean;
  /** The last admin version the owner applied (0: only its seed wrote it). */
  version: number;
}

/**
 * The context that owns some kinds of content and serves their published versions: it judges a
 * content, takes a published version or an archive (each once per version), and lists what it
 * serves. Reached through its contract only.
 */
export interface ContentOwner {
  readonly kinds: readonly ContentKind[];
  check(kind: ContentKind, content: unknown): OwnerCheck;
  publish(kind: ContentKind, id: string, version: number, content: Content): Promise<OwnerProblem | null>;
  archive(kind: ContentKind, id: string, version: number): Promise<OwnerProblem | null>;
  /** Owned kinds first-class items first (topics before words), so a word's topic is known. */
  entries(): Promise<OwnedEntry[]>;
}

export interface ContentOwners {
  /** Null for a kind no owner takes yet. */
  ownerOf(kind: ContentKind): ContentOwner | null;
  all(): readonly ContentOwner[];
}

export const CONTENT_OWNERS = Symbol('CONTENT_OWNERS');
