export * from './lib/secret-store.port';
export * from './lib/secret-errors';
export { AwsSecretStore, createSecretsManagerClient, type AwsSecretStoreOptions, type SecretsManagerConnectionOptions } from './lib/aws/aws-secret-store';
export { LocalFileSecretStore, type LocalFileSecretStoreOptions } from './lib/local-file/local-file-secret-store';
export { CachingSecretStore, type CachingSecretStoreOptions } from './lib/caching-secret-store';
export { SecretsModule, type SecretsModuleOptions } from './lib/secrets.module';
