import { ApiProblem } from '@tall/client/api';
import type { TextSummary } from './reader-types';

/** A text to import: pasted, or a file (`.txt`, `.epub`, `.srt`, `.vtt`) with an optional title. */
export type ImportSource = { kind: 'paste'; title: string; body: string } | { kind: 'file'; file: File; title?: string };

export interface UploadListener {
  /** Bytes sent so far; `total` is null when the browser cannot tell. */
  progress(loaded: number, total: number | null): void;
  /** Every byte is sent: the server is reading the text now. */
  uploaded(): void;
}

export type Transport = (request: Request) => Promise<Response>;
export type TextUpload = (source: ImportSource, listener: UploadListener, signal?: AbortSignal) => Promise<TextSummary>;

/**
 * Sends a request through XMLHttpRequest, which, unlike fetch, reports how much of the body has
 * been sent.
 */
export function xhrTransport(listener: UploadListener, signal?: AbortSignal, createXhr: () => XMLHttpRequest = () => new XMLHttpRequest()): Transport {
  return async (request) => {
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new DOMException('The upload was cancelled', 'AbortError'));
        return;
      }
      const xhr = createXhr();
      xhr.open(request.method, request.url);
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.upload.onprogress = (event) => listener.progress(event.loaded, event.lengthComputable ? event.total : null);
      xhr.upload.onload = () => listener.uploaded();
      xhr.onload = () => {
        listener.uploaded();
        const empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
        resolve(new Response(empty ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers: responseHeaders(xhr.getAllResponseHeaders()) }));
      };
      xhr.onerror = () => reject(new TypeError('The upload failed: the network is unreachable'));
      xhr.ontimeout = () => reject(new TypeError('The upload timed out'));
      xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
      signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(body);
    });
  };
}

function responseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * `POST /api/v1/reader/texts` with upload progress. `through` wraps a transport in the app's API
 * fetch (client headers, the access token, one refresh on 401, the 426 signal), so an upload is
 * authorised exactly like every other call.
 */
export function createTextUpload(baseUrl: string, through: (transport: Transport) => Transport, createXhr?: () => XMLHttpRequest): TextUpload {
  return async (source, listener, signal) => {
    const send = through(xhrTransport(listener, signal, createXhr));
    const url = `${baseUrl}/api/v1/reader/texts`;
    let request: Request;
    if (source.kind === 'paste') {
      request = new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: source.title, body: source.body }) });
    } else {
      const form = new FormData();
      // The title before the file: the server reads the fields in order and streams the file last.
      if (source.title) form.append('title', source.title);
      form.append('file', source.file, source.file.name);
      request = new Request(url, { method: 'POST', body: form });
    }
    let response: Response;
    try {
      response = await send(request);
    } catch (error) {
      if (error instanceof ApiProblem || (error instanceof DOMException && error.name === 'AbortError')) throw error;
      throw ApiProblem.network(error);
    }
    if (!response.ok) throw await ApiProblem.fromResponse(response);
    return (await response.json()) as TextSummary;
  };
}
