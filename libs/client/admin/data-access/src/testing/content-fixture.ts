// Content items and a fake content API for the unit and component specs of the content admin's screens; the app never imports this entry point.
import { json, FakeApi } from '@tall/client/api/testing';
import type { ContentHistoryEntry, ContentItem, ContentKind, ContentSummary, TopicContent, WordContent } from '../lib/content/content-types';

export const ADMIN_A = 'a11ce0b5-0000-4000-8000-00000000000a';
export const ADMIN_B = 'b0b0e1c2-0000-4000-8000-00000000000b';
export const CONTENT_BASE = '/api/v1/admin/content';

export function fietsContent(overrides: Partial<WordContent> = {}): WordContent {
  return {
    topicId: 'transport',
    lemma: 'fiets',
    pos: 'noun',
    article: 'de',
    plural: 'fietsen',
    translations: { en: 'bicycle, bike', ru: 'велосипед', uk: 'велосипед' },
    example: { nl: 'Ik ga met de fiets naar school.', en: 'I go to school by bike.' },
    ...overrides,
  };
}

export function opbellenContent(overrides: Partial<WordContent> = {}): WordContent {
  return {
    topicId: 'transport',
    lemma: 'opbellen',
    pos: 'verb',
    verb: { irregular: false, presentThirdSingular: 'belt op', pastSingular: 'belde op', pastPlural: 'belden op', participle: 'opgebeld', auxiliary: 'hebben', separablePrefix: 'op' },
    translations: { en: 'to call (on the phone)', ru: 'звонить' },
    example: { nl: 'Ik bel je morgen op.', en: 'I will call you tomorrow.' },
    ...overrides,
  };
}

export function transportContent(overrides: Partial<TopicContent> = {}): TopicContent {
  return { slug: 'transport', title: { nl: 'Vervoer', en: 'Transport' }, level: 'A2', order: 11, ...overrides };
}

export function wordItem(overrides: Partial<ContentItem> = {}, content: WordContent = fietsContent()): ContentItem {
  return {
    id: 'w-fiets',
    kind: 'words',
    status: 'published',
    revision: 1,
    publishedVersion: 1,
    title: 'de fiets',
    level: 'A2',
    topic: 'transport',
    content: content as unknown as Record<string, unknown>,
    unpublishedChanges: false,
    createdAt: '2026-12-01T09:00:00.000Z',
    createdBy: null,
    updatedAt: '2026-12-01T09:00:00.000Z',
    updatedBy: null,
    submittedBy: null,
    ...overrides,
  };
}

export function topicItem(overrides: Partial<ContentItem> = {}, content: TopicContent = transportContent()): ContentItem {
  return {
    ...wordItem(),
    id: 'transport',
    kind: 'topics',
    title: content.title.nl,
    level: content.level,
    topic: null,
    content: content as unknown as Record<string, unknown>,
    ...overrides,
  };
}

export function summaryOf(item: ContentItem): ContentSummary {
  const { content: _content, ...summary } = item;
  return summary;
}

export function historyEntries(): ContentHistoryEntry[] {
  return [
    { revision: 1, action: 'adopted', actorId: null, at: '2026-12-01T09:00:00.000Z', status: 'published', publishedVersion: 1, diff: [], override: null },
    {
      revision: 2,
      action: 'edited',
      actorId: ADMIN_A,
      at: '2026-12-07T10:00:00.000Z',
      status: 'draft',
      publishedVersion: 1,
      diff: [
        { op: 'changed', path: 'translations.en', from: 'bicycle, bike', to: 'bicycle (bike)' },
        { op: 'added', path: 'translations.tr', to: 'bisiklet' },
        { op: 'removed', path: 'translations.uk', from: 'велосипед' },
      ],
      override: null,
    },
    { revision: 3, action: 'submitted', actorId: ADMIN_A, at: '2026-12-07T10:05:00.000Z', status: 'in_review', publishedVersion: 1, diff: [], override: null },
    { revision: 4, action: 'published', actorId: ADMIN_A, at: '2026-12-07T10:10:00.000Z', status: 'published', publishedVersion: 2, diff: [], override: { reason: 'Urgent typo before the lesson' } },
  ];
}

/**
 * A content API in memory for one kind's items: list with the filters, get, create, edit with the
 * revision check (409 CONTENT_CHANGED), submit, publish (the submitter only with an override) and
 * archive; `actor` is who the requests come from.
 */
export function fakeContentApi(items: ContentItem[], options: { actor?: string; history?: ContentHistoryEntry[] } = {}) {
  const fake = new FakeApi();
  const store = new Map(items.map((item) => [`${item.kind}/${item.id}`, structuredClone(item)]));
  const actor = options.actor ?? ADMIN_A;
  const at = '2026-12-07T12:00:00.000Z';
  const refuse = (status: number, code: string, message: string, details?: unknown) => json(status, { statusCode: status, code, message, details, correlationId: 'c-1' });

  for (const kind of ['words', 'topics'] as ContentKind[]) {
    fake.on('GET', `${CONTENT_BASE}/${kind}`, (request) => {
      const query = Object.fromEntries(new URL(request.url).searchParams);
      const q = query['q']?.toLowerCase();
      const matching = [...store.values()].filter(
        (item) =>
          item.kind === kind &&
          (!query['status'] || item.status === query['status']) &&
          (!query['level'] || item.level === query['level']) &&
          (!query['topic'] || item.topic === query['topic']) &&
          (!q || item.title.toLowerCase().includes(q)),
      );
      const page = Number(query['page'] ?? 1);
      const pageSize = Number(query['pageSize'] ?? 25);
      return json(200, { items: matching.slice((page - 1) * pageSize, page * pageSize).map(summaryOf), total: matching.length, page, pageSize });
    });
    fake.on('POST', `${CONTENT_BASE}/${kind}`, (_request, body) => {
      const content = (body as { content: Record<string, unknown> }).content;
      const created: ContentItem = { ...(kind === 'words' ? wordItem() : topicItem()), id: `new-${store.size + 1}`, status: 'draft', publishedVersion: 0, content, createdBy: actor, updatedBy: actor, createdAt: at, updatedAt: at };
      store.set(`${kind}/${created.id}`, created);
      return json(201, created);
    });
  }

  /** Routes of one item, registered as they are needed (the fake matches exact paths). */
  const routes = (item: ContentItem) => {
    const path = `${CONTENT_BASE}/${item.kind}/${item.id}`;
    const current = () => store.get(`${item.kind}/${item.id}`) as ContentItem;
    const checked = (revision: number | undefined, change: (item: ContentItem) => ContentItem | Response) => {
      if (revision !== undefined && revision !== current().revision) return refuse(409, 'CONTENT_CHANGED', 'Someone else changed this item.');
      const next = change(current());
      if (next instanceof Response) return next;
      store.set(`${item.kind}/${item.id}`, { ...next, revision: current().revision + 1, updatedAt: at, updatedBy: actor });
      return json(200, current());
    };
    fake.on('GET', path, () => json(200, current()));
    fake.on('PATCH', path, (_request, body) => {
      const { content, revision } = body as { content: Record<string, unknown>; revision: number };
      return checked(revision, (item) => ({ ...item, content, status: 'draft', unpublishedChanges: true }));
    });
    fake.on('POST', `${path}/submit`, (_request, body) => checked((body as { revision?: number }).revision, (item) => ({ ...item, status: 'in_review', submittedBy: actor })));
    fake.on('POST', `${path}/publish`, (_request, body) => {
      const { revision, override } = body as { revision?: number; override?: { reason: string } };
      return checked(revision, (item) =>
        item.submittedBy === actor && !override
          ? refuse(403, 'SECOND_ADMIN_REQUIRED', 'Another admin publishes what you sent to review, or you with an override and a reason')
          : { ...item, status: 'published', publishedVersion: item.publishedVersion + 1, submittedBy: null, unpublishedChanges: false },
      );
    });
    fake.on('POST', `${path}/archive`, (_request, body) => checked((body as { revision?: number }).revision, (item) => ({ ...item, status: 'archived', submittedBy: null })));
    fake.on('GET', `${path}/history`, () => json(200, { id: item.id, kind: item.kind, entries: options.history ?? historyEntries() }));
  };
  for (const item of items) routes(item);
  const lists: string[] = [];

  return {
    fake,
    /** The fake's fetch, recording the path and query of every list asked for. */
    fetch: (request: Request) => {
      const url = new URL(request.url);
      if (request.method === 'GET' && /\/admin\/content\/[a-z]+$/.test(url.pathname)) lists.push(`${url.pathname}${url.search}`);
      return fake.fetch(request);
    },
    /** Every list asked for, as path and query, in order. */
    lists,
    /** What the API holds now. */
    item: (kind: ContentKind, id: string) => store.get(`${kind}/${id}`),
    /** Someone else saves the item meanwhile: its revision moves on. */
    changeElsewhere(kind: ContentKind, id: string) {
      const item = store.get(`${kind}/${id}`) as ContentItem;
      store.set(`${kind}/${id}`, { ...item, revision: item.revision + 1, updatedBy: ADMIN_B });
    },
    /** The next save is refused as the API refuses content that breaks its kind's rules: 422 with per-field details. */
    refuseNextSave(kind: ContentKind, id: string, fields: Array<{ field: string; message: string }>) {
      fake.on('PATCH', `${CONTENT_BASE}/${kind}/${id}`, () => refuse(422, 'CONTENT_INVALID', 'The content does not fit its kind', { fields: fields.map((field) => ({ ...field, code: 'custom' })) }));
    },
    routes,
  };
}
