import { randomUUID } from 'node:crypto';
import { Controller, Inject, Optional } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Logger } from 'pino';
import { ApiError, errors, fieldErrors, mapError } from '@tall/platform/http';
import { LOGGER, RequestContext } from '@tall/platform/observability';
import { isSecretStoreUnavailable } from '@tall/platform/secrets';
import { INTERNAL_RPC_PATTERN, InternalRpcRequestSchema, type InternalRpcError, type InternalRpcReply } from './internal-rpc-messages';
import { rpcRejectedTokensTotal } from './rpc-metrics';
import { ModuleCatalog } from './rpc-options';
import { RpcRegistry } from './rpc-registry';
import { ServiceTokenError, ServiceTokens } from './service-token';

const CALL_NAME = /^([a-z][a-z0-9-]{0,39})\.[a-z][A-Za-z0-9]{0,79}$/;
const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/**
 * How another Tall process calls a context hosted here: the `tall.rpc.call` message on the
 * internal listener (`INTERNAL_PORT`), never a route of the public HTTP port. A valid service token
 * is checked before anything else, so without one a caller learns nothing, not even which calls
 * exist. Then the call runs through the same registry as an in-process one (input validated,
 * output checked), and every outcome, errors included, goes back as a reply the caller maps.
 */
@Controller()
export class InternalRpcController {
  constructor(
    @Inject(RpcRegistry) private readonly registry: RpcRegistry,
    @Inject(ServiceTokens) private readonly tokens: ServiceTokens,
    @Inject(ModuleCatalog) private readonly catalog: ModuleCatalog,
    @Optional() @Inject(LOGGER) private readonly logger?: Logger,
  ) {}

  @MessagePattern(INTERNAL_RPC_PATTERN)
  async receive(@Payload() message: unknown): Promise<InternalRpcReply> {
    const fields = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : {};
    const given = fields['correlationId'];
    const correlationId = typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
    const name = typeof fields['call'] === 'string' ? fields['call'] : '';
    return RequestContext.run({ correlationId }, async () => {
      try {
        return { output: await this.run(name, fields) };
      } catch (error) {
        return { error: this.reply(error, name) };
      }
    });
  }

  private async run(name: string, fields: Record<string, unknown>): Promise<unknown> {
    const module = CALL_NAME.exec(name)?.[1];
    const token = fields['token'];
    if (typeof token !== 'string' || token.length === 0) throw this.refuse('missing', name);
    let principal;
    let caller;
    try {
      if (!module) throw new ServiceTokenError('call');
      // The token binds the input it was issued for: read it loosely here, validate it below.
      ({ principal, caller } = await this.tokens.verify(token, { module, call: name, input: fields['input'] }));
    } catch (error) {
      if (error instanceof ServiceTokenError) throw this.refuse(error.reason, name);
      if (isSecretStoreUnavailable(error)) throw errors.unavailable('secrets');
      throw error;
    }
    if (!this.catalog.isHosted(module as string) || !this.registry.provides(name)) {
      throw new ApiError(404, 'RPC_UNKNOWN_CALL', `This process does not provide ${name}`);
    }
    const request = InternalRpcRequestSchema.safeParse(fields);
    if (!request.success) throw new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid', { fields: fieldErrors(request.error) });
    if (principal) RequestContext.assign({ actorId: principal.userId, actorRole: principal.role, actorSessionId: principal.sessionId });
    return this.registry.invoke(name, request.data.input, {
      correlationId: RequestContext.correlationId(),
      principal,
      ...(caller ? { callerModule: caller } : {}),
      transport: 'tcp',
    });
  }

  /** The error as the caller will rebuild it; stack traces and unexpected messages stay in this log. */
  private reply(error: unknown, call: string): InternalRpcError {
    const mapped = mapError(error);
    if (mapped.unexpected) this.logger?.error({ err: error, call: call.slice(0, 100) }, 'internal call failed unexpectedly');
    else if (mapped.statusCode >= 500) this.logger?.warn({ code: mapped.code, details: mapped.details, call: call.slice(0, 100) }, mapped.message);
    const retryAfter = mapped.headers?.['retry-after'];
    return {
      statusCode: mapped.statusCode,
      code: mapped.code,
      message: mapped.message,
      ...(mapped.details === undefined ? {} : { details: mapped.details }),
      ...(retryAfter ? { retryAfter } : {}),
    };
  }

  private refuse(reason: string, call: string): ApiError {
    rpcRejectedTokensTotal().inc({ reason });
    this.logger?.warn({ reason, call: call.slice(0, 100) }, 'internal call refused: no valid service token');
    return new ApiError(401, 'RPC_UNAUTHENTICATED', 'A valid service token is required');
  }
}
