import { Body, Controller, Headers, HttpCode, Inject, Optional, Param, Post, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ApiError, errors, fieldErrors } from '@tall/platform/http';
import { LOGGER, RequestContext } from '@tall/platform/observability';
import { isSecretStoreUnavailable } from '@tall/platform/secrets';
import { rpcRejectedTokensTotal } from './rpc-metrics';
import { ModuleCatalog } from './rpc-options';
import { RpcRegistry } from './rpc-registry';
import { ServiceTokenError, ServiceTokens } from './service-token';

const CALL_NAME = /^([a-z][a-z0-9-]{0,39})\.[a-z][A-Za-z0-9]{0,79}$/;
const RequestBodySchema = z.strictObject({ input: z.unknown() });

/**
 * `POST /internal/rpc/<module>.<call>`: how another Tall process calls a context hosted here.
 * Outside `/api/v1` and the OpenAPI document: it is not a client API. A valid service token is
 * checked before anything else, so without one a caller learns nothing, not even which calls exist.
 */
@ApiExcludeController()
@Controller({ path: 'internal/rpc', version: VERSION_NEUTRAL })
export class RpcController {
  constructor(
    @Inject(RpcRegistry) private readonly registry: RpcRegistry,
    @Inject(ServiceTokens) private readonly tokens: ServiceTokens,
    @Inject(ModuleCatalog) private readonly catalog: ModuleCatalog,
    @Optional() @Inject(LOGGER) private readonly logger?: Logger,
  ) {}

  @Post(':name')
  @HttpCode(200)
  async call(
    @Param('name') name: string,
    @Body() body: unknown,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<{ output: unknown }> {
    const module = CALL_NAME.exec(name)?.[1];
    const token = /^Bearer ([^\s]+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw this.refuse('missing', name);
    let principal;
    let caller;
    try {
      if (!module) throw new ServiceTokenError('call');
      // The token binds the input it was issued for: read it loosely here, validate it below.
      const input = typeof body === 'object' && body !== null ? (body as { input?: unknown }).input : undefined;
      ({ principal, caller } = await this.tokens.verify(token, { module, call: name, input }));
    } catch (error) {
      if (error instanceof ServiceTokenError) throw this.refuse(error.reason, name);
      if (isSecretStoreUnavailable(error)) throw errors.unavailable('secrets');
      throw error;
    }
    if (!this.catalog.isHosted(module as string) || !this.registry.provides(name)) {
      throw new ApiError(404, 'RPC_UNKNOWN_CALL', `This process does not provide ${name}`);
    }
    const request = RequestBodySchema.safeParse(body);
    if (!request.success) throw new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid', { fields: fieldErrors(request.error) });
    if (principal) RequestContext.assign({ actorId: principal.userId, actorRole: principal.role, actorSessionId: principal.sessionId });
    const output = await this.registry.invoke(name, request.data.input, {
      correlationId: RequestContext.correlationId(),
      principal,
      ...(caller ? { callerModule: caller } : {}),
      transport: 'http',
    });
    return { output };
  }

  private refuse(reason: string, call: string): ApiError {
    rpcRejectedTokensTotal().inc({ reason });
    this.logger?.warn({ reason, call: call.slice(0, 100) }, 'internal call refused: no valid service token');
    return new ApiError(401, 'RPC_UNAUTHENTICATED', 'A valid service token is required');
  }
}
