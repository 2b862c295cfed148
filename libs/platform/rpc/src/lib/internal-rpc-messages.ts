import { z } from 'zod';

/**
 * What travels over the internal listener (`INTERNAL_PORT`, @nestjs/microservices' TCP transport)
 * between two Tall processes. One message pattern carries every call: the call's name is data,
 * checked against the service token, not a route that tells a prober which calls exist.
 */
export const INTERNAL_RPC_PATTERN = 'tall.rpc.call';

export const InternalRpcRequestSchema = z.strictObject({
  /** `<module>.<call>`. */
  call: z.string().max(200),
  /** The call's input, exactly as the token's input hash was computed over it. */
  input: z.unknown().optional(),
  /** The service token: names the module, the call and the input hash; principal and caller ride in it, signed. */
  token: z.string().max(8_192),
  /** Taken when it has the form the HTTP layer accepts, replaced by a new one otherwise. */
  correlationId: z.string().optional(),
});
export type InternalRpcRequest = z.infer<typeof InternalRpcRequestSchema>;

/** An error of the provider, as the caller rebuilds it into an `ApiError`. */
export interface InternalRpcError {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  /** `retry-after` only: the one header that still means something to the caller's client. */
  retryAfter?: string;
}

/** The provider always answers with one of these; it never lets the transport turn an error into its own. */
export type InternalRpcReply = { output: unknown } | { error: InternalRpcError };

export const InternalRpcErrorSchema = z.object({
  statusCode: z.number().int().min(400).max(599),
  code: z.string().min(1).max(200),
  message: z.string().max(2_000),
  details: z.unknown().optional(),
  retryAfter: z.string().max(50).optional(),
});
