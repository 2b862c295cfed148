export * from './lib/aws-error-kind';
