import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '@tall/platform/http';
import { CSRF_TOKEN_HEADER, REFRESH_TOKEN_COOKIE } from '@tall/profile/contracts';
import { REFRESH_TOKEN_TTL_MS } from '@tall/profile/domain';

/**
 * The refresh token of the web client, kept where its scripts cannot read it.
 *
 * Which client gets the cookie: the one that says `X-Client-Platform: web`. The web app sends it
 * on every call and is served by the API itself, so the cookie is first-party. The Android and
 * desktop apps (and callers without the header) keep the token in the body: they have no cookie
 * jar shared with a page, and secure storage of their own.
 *
 * The cookie is HttpOnly (no script reads it, so an injected script cannot carry it off), Secure,
 * SameSite=Strict (never sent with a request another site starts) and scoped to /api/v1/auth, the
 * narrowest single path that covers both refresh and logout: no call outside the auth routes
 * carries it, and the auth routes other than refresh and logout ignore it. It lives as long as a
 * refresh token and is replaced on every rotation.
 *
 * CSRF: a route that accepts a cookie can be triggered by another site. SameSite=Strict already
 * keeps the cookie off such requests; on top of it, refresh and logout by cookie need the header
 * `X-CSRF-Token` with a value bound to the cookie's refresh token: an HMAC keyed by the token, so
 * it changes with every rotation and says nothing about the token. The API hands it out in the
 * body of sign-in and refresh (the page keeps it; it is not a secret from the page). Another site
 * can neither read that body nor compute the value without the token, and cannot even send a
 * custom header here (the API allows no cross-origin requests, so the browser's preflight fails).
 * Comparing against the cookie itself, not a second cookie, means a cookie planted from a related
 * subdomain does not pass either. Refusals are 403 `CSRF_FAILED`, before the token is used, so a
 * forged request cannot spend or revoke anything.
 */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

const COOKIE_MAX_AGE_SECONDS = Math.floor(REFRESH_TOKEN_TTL_MS / 1000);
const CSRF_LABEL = 'tall refresh-cookie csrf v1';
const CSRF_HEADER = CSRF_TOKEN_HEADER.toLowerCase();

export function isWebClient(request: FastifyRequest): boolean {
  const platform = request.headers['x-client-platform'];
  return typeof platform === 'string' && platform.toLowerCase() === 'web';
}

/** The CSRF token of a refresh token: derived from it, so the API stores nothing more. */
export function csrfTokenFor(refreshToken: string): string {
  return createHmac('sha256', refreshToken).update(CSRF_LABEL).digest('base64url');
}

/**
 * The refresh token of the cookie, once the request has shown the matching CSRF token; undefined
 * when there is no cookie. Throws 403 CSRF_FAILED when the header is missing or does not match.
 */
export function refreshTokenFromCookie(request: FastifyRequest): string | undefined {
  const token = request.cookies?.[REFRESH_TOKEN_COOKIE];
  if (!token) return undefined;
  const presented = request.headers[CSRF_HEADER];
  const expected = Buffer.from(csrfTokenFor(token));
  const given = Buffer.from(typeof presented === 'string' ? presented : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw errors.forbidden('The refresh cookie needs the matching X-CSRF-Token header', 'CSRF_FAILED');
  }
  return token;
}

export function hasRefreshCookie(request: FastifyRequest): boolean {
  return Boolean(request.cookies?.[REFRESH_TOKEN_COOKIE]);
}

export function setRefreshCookie(reply: FastifyReply, refreshToken: string): void {
  void reply.setCookie(REFRESH_TOKEN_COOKIE, refreshToken, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    maxAge: COOKIE_MAX_AGE_SECONDS,
  });
}

export function clearRefreshCookie(reply: FastifyReply): void {
  void reply.clearCookie(REFRESH_TOKEN_COOKIE, { httpOnly: true, secure: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH });
}
