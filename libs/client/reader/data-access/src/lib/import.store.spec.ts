import { ApiProblem, createApiFetch, type AuthSession } from '@tall/client/api';
import { checkImportFile, createImportStore, MAX_IMPORT_BYTES } from './import.store';
import type { TextSummary } from './reader-types';
import { createTextUpload, type TextUpload } from './text-upload';

const created = { id: 'own-1', title: 'Mijn tekst', source: 'own' } as TextSummary;

/** An XMLHttpRequest that answers when the test says so, reporting upload progress on the way. */
class FakeXhr {
  static last: FakeXhr | null = null;
  static all: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  sent = false;
  status = 0;
  statusText = '';
  responseText = '';
  private responseHeaders = '';
  upload: { onprogress: ((event: ProgressEvent) => void) | null; onload: (() => void) | null } = { onprogress: null, onload: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXhr.last = this;
    FakeXhr.all.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  getAllResponseHeaders() {
    return this.responseHeaders;
  }
  send(body: unknown) {
    this.body = body;
    this.sent = true;
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
  }
  respond(status: number, body: unknown, headers = 'content-type: application/json') {
    this.upload.onload?.();
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.responseHeaders = headers;
    this.onload?.();
  }
}

function session(token = 'access-1'): AuthSession {
  let current = token;
  return {
    validAccessToken: async () => current,
    get accessToken() {
      return current;
    },
    canRefresh: () => true,
    refresh: async () => {
      current = 'access-2';
      return true;
    },
  } as unknown as AuthSession;
}

function upload(): TextUpload {
  FakeXhr.all = [];
  FakeXhr.last = null;
  return createTextUpload(
    'http://tall.test',
    (transport) => createApiFetch({ session: session(), client: { platform: 'web', version: '1.2.3' }, fetch: transport }),
    () => new FakeXhr() as unknown as XMLHttpRequest,
  );
}

/** The n-th request, once its body has gone out. */
const sent = async (n = FakeXhr.all.length || 1) => {
  await vi.waitFor(() => expect(FakeXhr.all[n - 1]?.sent).toBe(true));
  return FakeXhr.all[n - 1];
};

describe('importing a text', () => {
  it('checks the file before sending it: type, size, empty', () => {
    expect(checkImportFile({ name: 'Boek.EPUB', size: 2000 })).toBeNull();
    expect(checkImportFile({ name: 'notes.docx', size: 2000 })?.status).toBe(415);
    expect(checkImportFile({ name: 'film.srt', size: MAX_IMPORT_BYTES + 1 })?.status).toBe(413);
    expect(checkImportFile({ name: 'empty.txt', size: 0 })?.status).toBe(422);
  });

  it('uploads a file with the client headers and the token, reports the progress, then waits for the server', async () => {
    const store = createImportStore(upload());
    const file = new File(['Ik woon in Utrecht.'], 'tekst.txt', { type: 'text/plain' });
    const done = store.getState().start({ kind: 'file', file, title: 'Mijn tekst' });
    const xhr = await sent();
    expect(xhr).toMatchObject({ method: 'POST', url: 'http://tall.test/api/v1/reader/texts' });
    expect(xhr.headers).toMatchObject({ authorization: 'Bearer access-1', 'x-client-platform': 'web', 'x-client-version': '1.2.3' });
    expect(xhr.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const body = new TextDecoder().decode(xhr.body as ArrayBuffer);
    // (jsdom's File loses its name inside Node's FormData; a browser sends `filename="tekst.txt"`.)
    expect(body.indexOf('name="title"')).toBeLessThan(body.indexOf('name="file"; filename='));
    expect(body).toContain('Ik woon in Utrecht.');

    xhr.progress(250, 1000);
    expect(store.getState()).toMatchObject({ phase: 'uploading', percent: 25 });
    xhr.upload.onload?.();
    expect(store.getState()).toMatchObject({ phase: 'processing', percent: 100 });
    xhr.respond(201, created);
    expect(await done).toEqual(created);
    expect(store.getState()).toMatchObject({ phase: 'done', created });
  });

  it('sends a pasted text as JSON', async () => {
    const store = createImportStore(upload());
    const done = store.getState().start({ kind: 'paste', title: 'Plak', body: 'Hallo allemaal.' });
    const xhr = await sent();
    expect(xhr.headers['content-type']).toBe('application/json');
    expect(JSON.parse(new TextDecoder().decode(xhr.body as ArrayBuffer))).toEqual({ title: 'Plak', body: 'Hallo allemaal.' });
    xhr.respond(201, created);
    expect(await done).toEqual(created);
  });

  it('refreshes the token once and sends again when the API answers 401', async () => {
    const store = createImportStore(upload());
    const done = store.getState().start({ kind: 'paste', title: 'Plak', body: 'Hallo.' });
    (await sent()).respond(401, { statusCode: 401, code: 'UNAUTHORIZED', message: 'expired' });
    const retry = await sent(2);
    expect(retry.headers['authorization']).toBe('Bearer access-2');
    retry.respond(201, created);
    expect(await done).toEqual(created);
  });

  it.each([
    [413, 'TOO_LARGE'],
    [415, 'UNSUPPORTED_TYPE'],
    [422, 'UNREADABLE_FILE'],
  ])('keeps the API’s reason when it refuses the file (%i)', async (status, code) => {
    const store = createImportStore(upload());
    const done = store.getState().start({ kind: 'file', file: new File(['x'], 'boek.epub') });
    (await sent()).respond(status, { statusCode: status, code, message: `refused: ${code}` });
    expect(await done).toBeNull();
    expect(store.getState().phase).toBe('failed');
    expect(store.getState().problem).toMatchObject({ status, code, message: `refused: ${code}` });
  });

  it('refuses a file of the wrong type without sending it', async () => {
    const store = createImportStore(upload());
    expect(await store.getState().start({ kind: 'file', file: new File(['x'], 'slides.pptx') })).toBeNull();
    expect(store.getState().problem).toBeInstanceOf(ApiProblem);
    expect(store.getState().problem?.status).toBe(415);
    expect(FakeXhr.last).toBeNull();
  });

  it('turns a lost connection into a network problem, and a cancel back into the form', async () => {
    const store = createImportStore(upload());
    const failed = store.getState().start({ kind: 'paste', title: 'A', body: 'B.' });
    (await sent()).onerror?.();
    await failed;
    expect(store.getState().problem?.code).toBe('NETWORK_ERROR');

    const cancelled = store.getState().start({ kind: 'paste', title: 'A', body: 'B.' });
    await sent(2);
    store.getState().cancel();
    expect(await cancelled).toBeNull();
    expect(store.getState()).toMatchObject({ phase: 'idle', problem: null });
  });
});
