/** Where a module's process takes calls from other processes: its `INTERNAL_HOST`/`INTERNAL_PORT`. */
export interface InternalAddress {
  host: string;
  port: number;
}

/**
 * `tcp://host:port` (a `MODULE_URLS` value) → host and port. Throws on anything else, naming the
 * module: the app refuses to start rather than answer 503 to every call later.
 */
export function parseInternalAddress(module: string, value: string): InternalAddress {
  const url = /^tcp:\/\//.test(value) && URL.canParse(value) ? new URL(value) : undefined;
  const port = Number(url?.port);
  if (!url?.hostname || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`The address of module ${module} must be tcp://<host>:<port> (its process's INTERNAL_PORT), not "${value}"`);
  }
  // URL keeps the brackets of an IPv6 literal; sockets want the bare address.
  return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port };
}
