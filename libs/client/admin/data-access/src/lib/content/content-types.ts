/*
 * The admin content routes' HTTP shapes (`/api/v1/admin/content/:kind`), as the client sees them.
 * The web client's libraries depend only on each other (the API reaches them through HTTP and the
 * generated OpenAPI types), so until the API's OpenAPI document describes these routes the shapes
 * are written here, after the admin context's contract (`admin-content-http.ts`) and vocabulary's
 * dictionary content (`dictionary-content.ts`). Swap them for the generated types once they exist.
 */

export const CONTENT_KINDS = ['words', 'topics'] as const;
/** The kinds these screens edit so far (the API also knows texts, videos and exercises). */
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const CONTENT_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export const CONTENT_LEVELS = ['A1', 'A2', 'B1', 'B2'] as const;
export type ContentLevel = (typeof CONTENT_LEVELS)[number];

/** `GET /admin/content/:kind` filters and paging. */
export interface ContentListQuery {
  status?: ContentStatus;
  /** Words of the title (a word's lemma or translation, a topic's title), any case. */
  q?: string;
  level?: ContentLevel;
  /** A dictionary topic's id (words). */
  topic?: string;
  page?: number;
  pageSize?: number;
}

export interface ContentItem {
  id: string;
  kind: ContentKind;
  status: ContentStatus;
  /** Counts every saved change of the working copy (edits and state changes), from 1. */
  revision: number;
  /** The version students get (0: never published). */
  publishedVersion: number;
  /** A word's lemma with its article, a topic's Dutch title. */
  title: string;
  level: ContentLevel | null;
  topic: string | null;
  /** The working copy (the draft, or what is published when there is no draft). */
  content: Record<string, unknown>;
  /** The working copy differs from the published version. */
  unpublishedChanges: boolean;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  /** Who sent it to review (null unless in review). */
  submittedBy: string | null;
}

export type ContentSummary = Omit<ContentItem, 'content'>;

export interface ContentPage {
  items: ContentSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** One change to a value: `path` into the content (`translations.en`), what it was and became. */
export interface ContentDiffEntry {
  op: 'added' | 'removed' | 'changed';
  path: string;
  from?: unknown;
  to?: unknown;
}

export const CONTENT_ACTIONS = ['adopted', 'created', 'edited', 'submitted', 'published', 'archived'] as const;
export type ContentAction = (typeof CONTENT_ACTIONS)[number];

export interface ContentHistoryEntry {
  revision: number;
  action: ContentAction;
  /** Null for what Tall did itself (adopting the seed). */
  actorId: string | null;
  at: string;
  status: ContentStatus;
  publishedVersion: number;
  /** Content changes against the previous revision (empty for a state change). */
  diff: ContentDiffEntry[];
  /** A publish by the same admin who submitted, with the reason given. */
  override: { reason: string } | null;
}

export interface ContentHistory {
  id: string;
  kind: ContentKind;
  entries: ContentHistoryEntry[];
}

export const PARTS_OF_SPEECH = ['noun', 'verb', 'adjective', 'adverb', 'preposition', 'pronoun', 'conjunction', 'numeral', 'phrase', 'interjection'] as const;
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];

export const AUXILIARIES = ['hebben', 'zijn', 'hebben/zijn'] as const;
export type Auxiliary = (typeof AUXILIARIES)[number];

export const REQUIRED_LANGUAGES = ['en', 'ru'] as const;
export const OPTIONAL_LANGUAGES = ['uk', 'ar', 'tr'] as const;
export type TranslationLanguage = (typeof REQUIRED_LANGUAGES)[number] | (typeof OPTIONAL_LANGUAGES)[number];

export interface VerbForms {
  irregular: boolean;
  presentThirdSingular: string;
  pastSingular: string;
  pastPlural: string;
  participle: string;
  auxiliary: Auxiliary;
  separablePrefix: string | null;
}

/** A dictionary word as an admin edits it (vocabulary's `DictionaryWordContent`). */
export interface WordContent {
  topicId: string;
  lemma: string;
  pos: PartOfSpeech;
  article?: 'de' | 'het';
  /** Nouns: null when uncountable. */
  plural?: string | null;
  pluralOnly?: true;
  verb?: VerbForms;
  translations: { en: string; ru: string } & Partial<Record<(typeof OPTIONAL_LANGUAGES)[number], string>>;
  example: { nl: string; en: string };
}

/** A dictionary topic as an admin edits it (vocabulary's `DictionaryTopicContent`). */
export interface TopicContent {
  slug: string;
  title: { nl: string; en: string };
  level: ContentLevel;
  order: number;
}
