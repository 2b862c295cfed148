import { MongoNetworkError, MongoServerError, MongoServerSelectionError } from 'mongodb';
import { mapError } from './error-mapping';

const serverError = (code: number, errmsg: string, labels: string[] = []) => new MongoServerError({ ok: 0, code, errmsg, errorLabels: labels });

describe('mapError: a database that cannot serve is 503, anything else unexpected 500', () => {
  it.each([
    ['no server to select', new MongoServerSelectionError('connect ECONNREFUSED 127.0.0.1:27017', { type: 'Unknown', servers: new Map() } as never)],
    ['a broken connection', new MongoNetworkError('connection reset')],
    ['a primary shutting down (InterruptedAtShutdown)', serverError(11600, 'interrupted at shutdown')],
    ['a primary stepping down (NotWritablePrimary)', serverError(10107, 'not primary')],
    ['an error the driver would retry a write on', serverError(50, 'operation exceeded time limit', ['RetryableWriteError'])],
    [
      'FerretDB whose PostgreSQL is down',
      serverError(1, '[msg_insert.go:168 handler.(*Handler).MsgInsert] failed to connect to `user=tall database=ferretdb`: dial error: connect: connection refused'),
    ],
    ['FerretDB whose PostgreSQL restarts', serverError(1, '[query_iterator.go:92] FATAL: terminating connection due to administrator command (SQLSTATE 57P01)')],
  ])('%s → 503 SERVICE_UNAVAILABLE (mongodb), retry after 5 s', (_name, error) => {
    expect(mapError(error)).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', details: { dependency: 'mongodb' }, headers: { 'retry-after': '5' } });
  });

  it.each([
    ['an internal error of the server itself', serverError(1, 'invalid $set path')],
    ['a duplicate key the code did not expect', serverError(11000, 'E11000 duplicate key error')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('%s → 500 INTERNAL_ERROR', (_name, error) => {
    expect(mapError(error)).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR', unexpected: true });
  });
});
