// Prints the API's OpenAPI document (and DTO name clashes) as JSON without starting anything: Nest's preview mode builds
// the module graph and the routes but instantiates no provider, so no database, broker or secret
// store is reached. Run with `node -r tools/ts/swc-register.js` (TypeScript from source).
import 'reflect-metadata';
import { VersioningType, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { loadConfig } from '@tall/platform/config';
import { UNVERSIONED_PATHS } from '@tall/platform/http';
import { createLogger } from '@tall/platform/observability';
import { AppModule } from '../app/app.module';
import { createOpenApiDocument } from '../app/openapi';

async function main(): Promise<void> {
  // Placeholders: preview mode never connects, but the configuration must be valid to build the graph.
  const config = loadConfig({
    DATABASE_URL: 'postgres://preview@127.0.0.1:9/preview',
    MONGODB_URI: 'mongodb://127.0.0.1:9/preview',
    SECRETS_DRIVER: 'local',
    STORAGE_DRIVER: 'local',
    STORAGE_LOCAL_SIGNING_SECRET: 'preview-only-signing-secret-never-used-to-sign',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create(AppModule.forRoot(config, createLogger({ level: 'silent' })), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  // The routing configureHttp sets up (it also reads providers, which preview mode does not create).
  app.setGlobalPrefix('api', { exclude: UNVERSIONED_PATHS });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  const document = createOpenApiDocument(app);
  // The document, and the DTO names that more than one class uses (the generator refuses those).
  // Exit only once it is written: a pipe takes a large document in several writes, and process.exit drops the rest.
  const json = JSON.stringify({ document, sameNamedDtos: sameNamedDtos(app) });
  await new Promise<void>((resolve, reject) => process.stdout.write(json, (error) => (error ? reject(error) : resolve())));
}

/**
 * Swagger names a schema after its DTO class, so two classes of the same name (in two contexts)
 * silently share one schema in the document. Finds them among the routes' bodies, parameters and
 * responses.
 */
function sameNamedDtos(app: INestApplication): Array<[string, number]> {
  const byName = new Map<string, Set<unknown>>();
  const note = (type: unknown) => {
    if (typeof type === 'function' && type.name.endsWith('Dto')) byName.set(type.name, (byName.get(type.name) ?? new Set()).add(type));
  };
  const container = (app as unknown as { container: { getModules(): Map<string, { controllers: Map<unknown, { metatype: unknown }> }> } }).container;
  for (const module of container.getModules().values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        for (const type of (Reflect.getMetadata('design:paramtypes', prototype, name) as unknown[] | undefined) ?? []) note(type);
        const responses = (Reflect.getMetadata('swagger/apiResponse', handler) as Record<string, { type?: unknown }> | undefined) ?? {};
        for (const response of Object.values(responses)) note(response.type);
      }
    }
  }
  return [...byName].filter(([, classes]) => classes.size > 1).map(([name, classes]) => [name, classes.size]);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`Could not build the OpenAPI document: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
