export * from './lib/postgres';
export * from './lib/sql-migrations';
export * from './lib/mongo';
export * from './lib/database.module';
export * from './lib/mongoose';
