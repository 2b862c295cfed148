import type { FactoryProvider } from '@nestjs/common';
import type { MongoClient } from 'mongodb';
import { Schema, type Connection, type Model, type SchemaDefinition, type SchemaOptions } from 'mongoose';
import { contextConnection, defaultDatabaseName, MONGO_CLIENT } from '@tall/platform/database';

/** The listening context's database, `<db>_listening`: the library of videos, and what students do with them. */
export function listeningDatabaseName(mongoUri: string): string {
  return `${defaultDatabaseName(mongoUri)}_listening`;
}

export const LISTENING_CONNECTION = Symbol('LISTENING_CONNECTION');

export function listeningConnectionProvider(mongoUri: string): FactoryProvider<Promise<Connection>> {
  return { provide: LISTENING_CONNECTION, inject: [MONGO_CLIENT], useFactory: (client: MongoClient) => contextConnection(client, listeningDatabaseName(mongoUri)) };
}

/**
 * Options of every listening schema (as the reader's, ADR 16): unknown paths throw instead of
 * being dropped, nothing is added, indexes are made by the stores at start, and no command waits
 * for a connection that is not there.
 */
export const LISTENING_SCHEMA_OPTIONS = {
  versionKey: false,
  id: false,
  strict: 'throw',
  strictQuery: 'throw',
  minimize: false,
  autoIndex: false,
  autoCreate: false,
  bufferCommands: false,
} as const satisfies SchemaOptions;

export interface ListeningModel<T> {
  readonly name: string;
  readonly collection: string;
  readonly schema: Schema;
  readonly token: symbol;
  /** Never set: carries the document type. */
  readonly document?: T;
}

export function listeningModel<T>(name: string, collection: string, definition: SchemaDefinition): ListeningModel<T> {
  return { name, collection, schema: new Schema(definition, LISTENING_SCHEMA_OPTIONS), token: Symbol(`${name}Model`) };
}

/** The model on a connection. The cast: mongoose's model types over a type parameter exhaust tsc's memory. */
export function modelOn<T>(connection: Connection, model: ListeningModel<T>): Model<T> {
  return (connection.models[model.name] ?? connection.model(model.name, model.schema, model.collection)) as unknown as Model<T>;
}

export function listeningModelProviders(...models: ReadonlyArray<ListeningModel<unknown>>): FactoryProvider[] {
  return models.map((model) => ({ provide: model.token, inject: [LISTENING_CONNECTION], useFactory: (connection: Connection) => modelOn(connection, model) }));
}
