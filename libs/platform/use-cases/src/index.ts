export * from './lib/use-cases.module';
