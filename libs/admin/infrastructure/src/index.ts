export { AdminModule, type AdminModuleOptions } from './lib/admin.module';
export { adminDatabaseName } from './lib/persistence/admin-connection';
