import type { FactoryProvider } from '@nestjs/common';
import type { MongoClient } from 'mongodb';
import { Schema, type Connection, type Model, type SchemaDefinition, type SchemaOptions } from 'mongoose';
import { contextConnection, defaultDatabaseName, MONGO_CLIENT } from '@tall/platform/database';

/**
 * The reader's two databases, as the school's spec asks: the curated library and test texts
 * (`<db>_reader`), and what students bring and do (`<db>_reader_users`: their own texts, word
 * states, reading positions, saved words and test attempts). Erasing a student touches only the
 * second; the first holds nothing personal.
 */
export const READER_DATABASES = { library: 'reader', users: 'reader_users' } as const;
export type ReaderDatabase = keyof typeof READER_DATABASES;

export const READER_CONNECTIONS: Record<ReaderDatabase, symbol> = {
  library: Symbol('READER_LIBRARY_CONNECTION'),
  users: Symbol('READER_USERS_CONNECTION'),
};

export function readerDatabaseName(mongoUri: string, database: ReaderDatabase): string {
  return `${defaultDatabaseName(mongoUri)}_${READER_DATABASES[database]}`;
}

export function readerConnectionProviders(mongoUri: string): Array<FactoryProvider<Promise<Connection>>> {
  return (Object.keys(READER_DATABASES) as ReaderDatabase[]).map((database) => ({
    provide: READER_CONNECTIONS[database],
    inject: [MONGO_CLIENT],
    useFactory: (client: MongoClient) => contextConnection(client, readerDatabaseName(mongoUri, database)),
  }));
}

/**
 * Options of every reader schema (as vocabulary's, ADR 12): unknown paths throw instead of being
 * dropped, nothing is added (no version key, no virtual id), indexes are made by the stores at
 * start, and no command waits for a connection that is not there.
 */
export const READER_SCHEMA_OPTIONS = {
  versionKey: false,
  id: false,
  strict: 'throw',
  strictQuery: 'throw',
  minimize: false,
  autoIndex: false,
  autoCreate: false,
  bufferCommands: false,
} as const satisfies SchemaOptions;

export interface ReaderModel<T> {
  readonly name: string;
  readonly collection: string;
  readonly database: ReaderDatabase;
  readonly schema: Schema;
  readonly token: symbol;
  /** Never set: carries the document type. */
  readonly document?: T;
}

export function readerModel<T>(name: string, database: ReaderDatabase, collection: string, definition: SchemaDefinition): ReaderModel<T> {
  return { name, database, collection, schema: new Schema(definition, READER_SCHEMA_OPTIONS), token: Symbol(`${name}Model`) };
}

export function readerModelProviders(...models: ReadonlyArray<ReaderModel<unknown>>): FactoryProvider[] {
  return models.map((model) => ({
    provide: model.token,
    inject: [READER_CONNECTIONS[model.database]],
    // Cast, not `connection.model<T>()`: mongoose's model types over a type parameter exhaust tsc's memory.
    useFactory: (connection: Connection) => (connection.models[model.name] ?? connection.model(model.name, model.schema, model.collection)) as unknown as Model<unknown>,
  }));
}
