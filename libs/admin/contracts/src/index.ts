export * from './lib/content-events';
export * from './lib/admin-module';
export * from './lib/http/admin-content-http';
