import type { FactoryProvider } from '@nestjs/common';
import type { MongoClient } from 'mongodb';
import { Schema, type Connection, type Model, type SchemaDefinition, type SchemaOptions } from 'mongoose';
import { contextConnection, defaultDatabaseName, MONGO_CLIENT } from '@tall/platform/database';

/** The admin context's database: `<db>_admin`, beside the others on the same server. */
export function adminDatabaseName(mongoUri: string): string {
  return `${defaultDatabaseName(mongoUri)}_admin`;
}

export const ADMIN_CONNECTION = Symbol('ADMIN_CONNECTION');

export function adminConnectionProvider(mongoUri: string): FactoryProvider<Promise<Connection>> {
  return { provide: ADMIN_CONNECTION, inject: [MONGO_CLIENT], useFactory: (client: MongoClient) => contextConnection(client, adminDatabaseName(mongoUri)) };
}

/**
 * Options of every admin schema (as the reader's and vocabulary's, ADR 12): unknown paths
 * throw instead of being dropped, nothing is added (no version key, no virtual id), indexes are
 * made by the stores at start, and no command waits for a connection that is not there.
 */
const ADMIN_SCHEMA_OPTIONS = {
  versionKey: false,
  id: false,
  strict: 'throw',
  strictQuery: 'throw',
  minimize: false,
  autoIndex: false,
  autoCreate: false,
  bufferCommands: false,
} as const satisfies SchemaOptions;

export interface AdminModel<T> {
  readonly name: string;
  readonly collection: string;
  readonly schema: Schema;
  readonly token: symbol;
  /** Never set: carries the document type. */
  readonly document?: T;
}

export function adminModel<T>(name: string, collection: string, definition: SchemaDefinition): AdminModel<T> {
  return { name, collection, schema: new Schema(definition, ADMIN_SCHEMA_OPTIONS), token: Symbol(`${name}Model`) };
}

/** The model on a connection, as the module and the integration tests compile it. */
export function modelOn<T>(connection: Connection, model: AdminModel<T>): Model<T> {
  // Cast, not `connection.model<T>()`: mongoose's model types over a type parameter exhaust tsc's memory.
  return (connection.models[model.name] ?? connection.model(model.name, model.schema, model.collection)) as unknown as Model<T>;
}

export function adminModelProviders(...models: ReadonlyArray<AdminModel<unknown>>): FactoryProvider[] {
  return models.map((model) => ({ provide: model.token, inject: [ADMIN_CONNECTION], useFactory: (connection: Connection) => modelOn(connection, model) }));
}
