export {};
export * from './lib/learning';
