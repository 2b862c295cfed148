import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/**
 * `multipart/form-data` for the routes that take uploads (the reader's import): `request.parts()`
 * streams the parts, and each route sets its own file size limit when it reads them. Routes that
 * take JSON get no body from a multipart request and answer 400 as for a missing body.
 */
export function registerMultipart(fastify: FastifyInstance): void {
  void fastify.register(fastifyMultipart, { limits: { files: 1, fields: 10, parts: 11, fileSize: 10 * 1024 * 1024 } });
}
