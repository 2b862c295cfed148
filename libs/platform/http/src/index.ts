export * from './lib/api-error';
export * from './lib/error-mapping';
export * from './lib/domain-error-mapper';
export * from './lib/error-envelope.filter';
export * from './lib/client-version';
export * from './lib/configure-http';
export * from './lib/security-headers';
export * from './lib/http.module';
export { createZodDto } from 'nestjs-zod';
