import type { FactoryProvider } from '@nestjs/common';
import type { MongoClient } from 'mongodb';
import type { Connection, Model, Schema } from 'mongoose';
import { contextConnection, defaultDatabaseName, MONGO_CLIENT } from '@tall/platform/database';

/** The mongoose connection to the context's database, over the process's one MongoClient. */
export const VOCABULARY_CONNECTION = Symbol('VOCABULARY_CONNECTION');

/** `<database of MONGODB_URI>_vocabulary`. */
export function vocabularyDatabaseName(mongoUri: string): string {
  return `${defaultDatabaseName(mongoUri)}_vocabulary`;
}

export function vocabularyConnectionProvider(mongoUri: string): FactoryProvider<Promise<Connection>> {
  return {
    provide: VOCABULARY_CONNECTION,
    inject: [MONGO_CLIENT],
    useFactory: (client: MongoClient) => contextConnection(client, vocabularyDatabaseName(mongoUri)),
  };
}

/**
 * A collection of the context: its schema, and the Nest token its compiled model is provided
 * under. `T` is the stored document's type; the schema itself is declared untyped, since
 * mongoose's typed definitions do not accept `Mixed` arrays and spread-in paths.
 */
export interface VocabularyModel<T> {
  readonly name: string;
  readonly collection: string;
  readonly schema: Schema;
  readonly token: symbol;
  /** Never set: carries the document type. */
  readonly document?: T;
}

export function vocabularyModel<T>(name: string, collection: string, schema: Schema): VocabularyModel<T> {
  return { name, collection, schema, token: Symbol(`${name}Model`) };
}

/** The model compiled on this connection (once per connection). */
export function modelOn<T>(connection: Connection, model: VocabularyModel<T>): Model<T> {
  // Cast, not `connection.model<T>()`: instantiating mongoose's model types over a type parameter exhausts tsc's memory.
  return (connection.models[model.name] ?? connection.model(model.name, model.schema, model.collection)) as unknown as Model<T>;
}

export function modelProviders(...models: ReadonlyArray<VocabularyModel<unknown>>): FactoryProvider[] {
  return models.map((model) => ({ provide: model.token, inject: [VOCABULARY_CONNECTION], useFactory: (connection: Connection) => modelOn(connection, model) }));
}
