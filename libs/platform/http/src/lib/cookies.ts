import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';

/**
 * Cookies for the routes that use them (the web client's refresh token): `request.cookies` and
 * `reply.setCookie` / `reply.clearCookie`. No signing secret: the one cookie Tall sets holds an
 * opaque random token that the API checks against its stored hash, so a signature adds nothing.
 */
export function registerCookies(fastify: FastifyInstance): void {
  void fastify.register(fastifyCookie);
}
