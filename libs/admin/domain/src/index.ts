export * from './lib/content/content-diff';
export * from './lib/content/content-workflow-error';
export * from './lib/content/content-item';
