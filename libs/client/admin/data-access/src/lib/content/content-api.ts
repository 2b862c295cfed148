import { ApiProblem } from '@tall/client/api';
import type { ContentHistory, ContentItem, ContentKind, ContentListQuery, ContentPage } from './content-types';

/** What the content admin's pages ask of the API. Failures are thrown as ApiProblem. */
export interface ContentApi {
  list(kind: ContentKind, query: ContentListQuery): Promise<ContentPage>;
  get(kind: ContentKind, id: string): Promise<ContentItem>;
  /** A new draft (201). */
  create(kind: ContentKind, content: Record<string, unknown>): Promise<ContentItem>;
  /** The whole new working copy; 409 CONTENT_CHANGED when someone saved since `revision`. */
  edit(kind: ContentKind, id: string, content: Record<string, unknown>, revision: number): Promise<ContentItem>;
  submit(kind: ContentKind, id: string, revision: number): Promise<ContentItem>;
  /** By another admin than the one who submitted it, or by that one with an override reason. */
  publish(kind: ContentKind, id: string, revision: number, overrideReason?: string): Promise<ContentItem>;
  archive(kind: ContentKind, id: string, revision: number): Promise<ContentItem>;
  history(kind: ContentKind, id: string): Promise<ContentHistory>;
}

type Fetch = (request: Request) => Promise<Response>;

/**
 * The content routes through the app's API fetch (client headers, token, refresh on 401). The
 * generated OpenAPI client does not know these routes yet, so the requests are made here; the
 * failures are the same ApiProblems as everywhere else.
 */
export function createContentApi(baseUrl: string, fetch: Fetch): ContentApi {
  const base = `${baseUrl.replace(/\/$/, '')}/api/v1/admin/content`;
  const send = async <T>(method: 'GET' | 'POST' | 'PATCH', path: string, options: { query?: ContentListQuery; body?: unknown } = {}): Promise<T> => {
    const url = new URL(`${base}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    const hasBody = options.body !== undefined;
    let response: Response;
    try {
      response = await fetch(new Request(url, { method, headers: hasBody ? { 'content-type': 'application/json' } : {}, body: hasBody ? JSON.stringify(options.body) : undefined }));
    } catch (error) {
      throw error instanceof ApiProblem ? error : ApiProblem.network(error);
    }
    if (!response.ok) throw await ApiProblem.fromResponse(response);
    return (await response.json()) as T;
  };
  const item = (kind: ContentKind, id: string) => `/${kind}/${encodeURIComponent(id)}`;
  return {
    list: (kind, query) => send('GET', `/${kind}`, { query }),
    get: (kind, id) => send('GET', item(kind, id)),
    create: (kind, content) => send('POST', `/${kind}`, { body: { content } }),
    edit: (kind, id, content, revision) => send('PATCH', item(kind, id), { body: { content, revision } }),
    submit: (kind, id, revision) => send('POST', `${item(kind, id)}/submit`, { body: { revision } }),
    publish: (kind, id, revision, overrideReason) =>
      send('POST', `${item(kind, id)}/publish`, { body: { revision, ...(overrideReason ? { override: { reason: overrideReason } } : {}) } }),
    archive: (kind, id, revision) => send('POST', `${item(kind, id)}/archive`, { body: { revision } }),
    history: (kind, id) => send('GET', `${item(kind, id)}/history`),
  };
}
