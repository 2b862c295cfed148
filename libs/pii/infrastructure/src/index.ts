export { PiiModule } from './lib/pii.module';
export { KEY_ROTATION_JOB } from './lib/pii-lifecycle';
export { PII_SCHEMA } from './lib/persistence/pii-migrations';
