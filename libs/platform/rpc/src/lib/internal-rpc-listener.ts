import type { INestApplication, INestMicroservice } from '@nestjs/common';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import type { AddressInfo, Server } from 'node:net';

export interface InternalRpcListenerOptions {
  host: string;
  /** 0 picks a free port (tests read it back with `internalRpcPort`). */
  port: number;
  /**
   * Largest message accepted, in characters of its JSON. A call's input is small (it came in as a
   * public request body, 1 MiB at most); the listener need not buffer Nest's default 128 M.
   */
  maxMessageChars?: number;
}

const DEFAULT_MAX_MESSAGE_CHARS = 4 * 1024 * 1024;

/**
 * Attaches the internal listener to the app: @nestjs/microservices' TCP transport, whose
 * `tall.rpc.call` handler (`InternalRpcController`) runs calls from other Tall processes. Call
 * before `app.init()`; `app.startAllMicroservices()` then starts listening. It is a port of its
 * own so that it can stay inside the cluster's network while the public port faces the internet.
 */
export function connectInternalRpc(app: INestApplication, options: InternalRpcListenerOptions): INestMicroservice {
  return app.connectMicroservice<MicroserviceOptions>(
    {
      transport: Transport.TCP,
      options: { host: options.host, port: options.port, maxBufferSize: options.maxMessageChars ?? DEFAULT_MAX_MESSAGE_CHARS },
    },
    // The HTTP pipes, filters and hooks do not apply: the controller validates and maps errors itself.
    { inheritAppConfig: false },
  );
}

/** The port the internal listener got (after `startAllMicroservices()`). */
export function internalRpcPort(listener: INestMicroservice): number {
  const server = listener.unwrap<Server>();
  return (server.address() as AddressInfo).port;
}
