export type { paths, components, operations } from './lib/api-types';
export * from './lib/api-problem';
export * from './lib/auth-session';
export * from './lib/api-fetch';
export * from './lib/tall-api';
export * from './lib/schemas';
