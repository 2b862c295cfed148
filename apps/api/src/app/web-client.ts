import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { PAGE_CONTENT_SECURITY_POLICY } from '@tall/platform/http';

/** Paths that belong to the API and operations: never answered with the web client. */
const API_PATHS = /^\/(api|health|metrics|internal)(\/|$)/;
/** Angular's build names its bundles with a content hash: those never change. */
const HASHED = /-[A-Z0-9]{8,}\.(js|css|woff2?|ttf|svg|png|jpe?g|webp)$/;
/** The app shell and the service worker's files must always be revalidated, or an update never arrives. */
const ALWAYS_REVALIDATE = new Set(['index.html', 'ngsw.json', 'ngsw-worker.js', 'safety-worker.js', 'worker-basic.min.js', 'manifest.webmanifest']);
/** The service worker's scripts: their policy governs the worker's own fetches. */
const SERVICE_WORKERS = new Set(['ngsw-worker.js', 'safety-worker.js', 'worker-basic.min.js']);

/** The policies of the client's files: pages, and the service worker that fetches on their behalf. */
export interface WebClientPolicies {
  page: string;
  serviceWorker: string;
}

/**
 * Serves the built web client at `/`: its files by path, and index.html for any other path that is
 * not the API's (a client route such as `/learn/thematic-cards`), so deep links and reloads work.
 * Unknown API paths and missing files keep the API's 404 envelope. False when no client is built.
 * Its files get the policy for pages (scripts and calls to this origin only) instead of the API's:
 * the given ones, which may let media come from the object storage.
 */
export async function serveWebClient(
  app: NestFastifyApplication,
  directory: string,
  logger: Logger,
  policies: WebClientPolicies = { page: PAGE_CONTENT_SECURITY_POLICY, serviceWorker: PAGE_CONTENT_SECURITY_POLICY },
): Promise<boolean> {
  const root = resolve(directory);
  if (!isFile(resolve(root, 'index.html'))) {
    logger.info({ directory: root }, 'no web client build found; `/` serves nothing (npm run build builds it)');
    return false;
  }
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  await fastify.register(fastifyStatic, { root, serve: false, decorateReply: true, cacheControl: false, etag: true, lastModified: true });

  fastify.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    handler: async (request, reply) => {
      const path = safeDecode(request.url.split(/[?#]/)[0]);
      if (path === null || API_PATHS.test(path)) return reply.callNotFound();
      const file = path === '/' ? 'index.html' : fileUnder(root, path);
      if (file) return send(reply, file, policies);
      // A missing asset is a 404; anything else is a route of the client.
      if (/\.[A-Za-z0-9]+$/.test(path)) return reply.callNotFound();
      return send(reply, 'index.html', policies);
    },
  });
  logger.info({ directory: root }, 'serving the web client at /');
  return true;
}

function send(reply: FastifyReply, file: string, policies: WebClientPolicies): FastifyReply {
  const name = file.split('/').pop() ?? file;
  void reply.header('content-security-policy', SERVICE_WORKERS.has(name) ? policies.serviceWorker : policies.page);
  if (ALWAYS_REVALIDATE.has(name)) void reply.header('cache-control', 'no-cache');
  else if (HASHED.test(name)) void reply.header('cache-control', 'public, max-age=31536000, immutable');
  else void reply.header('cache-control', 'public, max-age=3600');
  return reply.sendFile(file);
}

/** The file a URL path names, relative to root, when it exists inside root. */
function fileUnder(root: string, path: string): string | null {
  const target = resolve(root, `.${path}`);
  const inside = relative(root, target);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return null;
  return isFile(target) ? inside.split(sep).join('/') : null;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function safeDecode(path: string): string | null {
  try {
    const decoded = decodeURIComponent(path);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}
