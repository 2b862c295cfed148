import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export interface SecurityHeadersOptions {
  /** PUBLIC_URL: the address users reach Tall at. HSTS is sent only when it is https. */
  publicUrl?: string;
}

/**
 * Every JSON answer of the API: it is never a page, so it may load nothing and be framed by
 * nothing, even when a browser is tricked into rendering it.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none';frame-ancestors 'none'";

export interface PagePolicyOptions {
  /**
   * Origins besides this one that pages may load media from (`<video>`, its `<track>`s and posters,
   * pictures): the object storage behind pre-signed URLs, which is another origin than the app's.
   */
  mediaOrigins?: readonly string[];
}

/**
 * HTML pages the app serves: the web client and the API docs' UI. Scripts only from this origin,
 * never inline (the web build must not inline its loader or use `onload` attributes); calls only to
 * this origin's API. Styles allow inline: Angular adds component styles as `<style>` elements at
 * run time, and the docs' UI has its own inline styles. Fonts are served by the app itself; images
 * may be data: URIs (icons in the docs' UI and Material's CSS). Media and pictures may also come
 * from the given storage origins (pre-signed URLs); everything else comes from this origin, so
 * there is nothing for `upgrade-insecure-requests` to upgrade: HSTS keeps the origin itself on https.
 */
export function pageContentSecurityPolicy(options: PagePolicyOptions = {}): string {
  return policyForPages(options.mediaOrigins ?? [], []);
}

/**
 * The web client's service worker: the page policy, with calls to the media origins too. Angular's
 * worker answers every request of its pages, cross-origin ones included, by fetching it itself, and
 * a worker's fetches follow the worker's own policy: without them, media the pages may load would
 * fail in the worker.
 */
export function serviceWorkerContentSecurityPolicy(options: PagePolicyOptions = {}): string {
  return policyForPages(options.mediaOrigins ?? [], options.mediaOrigins ?? []);
}

function policyForPages(mediaOrigins: readonly string[], connectOrigins: readonly string[]): string {
  const more = (origins: readonly string[]) => origins.map((origin) => ` ${origin}`).join('');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${more(mediaOrigins)}`,
    "font-src 'self'",
    `connect-src 'self'${more(connectOrigins)}`,
    `media-src 'self' blob:${more(mediaOrigins)}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The page policy with no other origin (the API docs' UI needs none). */
export const PAGE_CONTENT_SECURITY_POLICY = pageContentSecurityPolicy();

/** Browser features the app never uses, refused to it and to anything it could embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
].join(', ');

/** HSTS for a year, subdomains of the public host included; only where users arrive over https. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** The @fastify/helmet settings: the API's strict policy by default, HSTS only for an https PUBLIC_URL. */
function helmetOptions(options: SecurityHeadersOptions = {}): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    strictTransportSecurity: isHttps(options.publicUrl) ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Left at helmet's defaults: X-Content-Type-Options nosniff, Cross-Origin-Opener-Policy and
    // Cross-Origin-Resource-Policy same-origin, no X-Powered-By.
  };
}

/**
 * Security headers on every response, errors included: helmet's (CSP, HSTS, nosniff,
 * X-Frame-Options, Referrer-Policy, cross-origin policies) plus Permissions-Policy, which helmet
 * does not set. Routes that serve HTML replace the CSP with {@link PAGE_CONTENT_SECURITY_POLICY}.
 * Fastify runs hooks in the order they were added, plugins included: call this before adding any
 * other hook, so answers those hooks send early (a 426, a 400) carry the headers too.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, options: SecurityHeadersOptions = {}): void {
  void fastify.register(fastifyHelmet, helmetOptions(options));
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    void reply.header('permissions-policy', PERMISSIONS_POLICY);
    done(null, payload);
  });
}

function isHttps(url: string | undefined): boolean {
  return url !== undefined && URL.canParse(url) && new URL(url).protocol === 'https:';
}
