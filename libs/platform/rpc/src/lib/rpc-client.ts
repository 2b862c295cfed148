import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Logger } from 'pino';
import type { CallPrincipal, RemoteCallContract, RemoteCallInput, RemoteCallOutput } from '@tall/platform/call-contracts';
import { ApiError, errors, fieldErrors } from '@tall/platform/http';
import { LOGGER, RequestContext } from '@tall/platform/observability';
import { isSecretStoreUnavailable } from '@tall/platform/secrets';
import { rpcCallDuration, rpcCallsTotal, type RpcOutcome, type RpcTransport } from './rpc-metrics';
import { ModuleCatalog, RPC_OPTIONS, type RpcModuleOptions } from './rpc-options';
import { RpcContractViolation, RpcRegistry } from './rpc-registry';
import { ServiceTokens } from './service-token';

export interface RpcCallOptions {
  /**
   * Who the call is made for. Default: the actor of the current request (set by the auth guard);
   * `null` sends none (the call is the system's own doing).
   */
  principal?: CallPrincipal | null;
  /** The calling module; the provider sees it as `callerModule` (audits name it). */
  caller?: string;
  timeoutMs?: number;
}

/** Error codes of the internal route itself: a problem between processes, not the user's. */
const TRANSPORT_ERROR_CODES = new Set(['RPC_UNAUTHENTICATED', 'RPC_UNKNOWN_CALL']);

export const RPC_PATH_PREFIX = '/internal/rpc/';

/**
 * Calls another context through its contract. In-process when this process hosts the
 * contract's module; otherwise a POST to that module's process with a service token. Either
 * way the input and the output are validated against the contract, `ApiError`s of the provider
 * reach the caller as `ApiError`s, and a provider that cannot be reached is a 503.
 */
@Injectable()
export class RpcClient {
  private readonly timeoutMs: number;

  constructor(
    @Inject(RPC_OPTIONS) private readonly options: RpcModuleOptions,
    @Inject(ModuleCatalog) private readonly catalog: ModuleCatalog,
    @Inject(RpcRegistry) private readonly registry: RpcRegistry,
    @Inject(ServiceTokens) private readonly tokens: ServiceTokens,
    @Optional() @Inject(LOGGER) private readonly logger?: Logger,
  ) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  async call<C extends RemoteCallContract>(contract: C, input: RemoteCallInput<C>, options: RpcCallOptions = {}): Promise<RemoteCallOutput<C>> {
    const principal = options.principal === null ? undefined : (options.principal ?? principalOfCurrentRequest());
    const transport: RpcTransport = this.catalog.isHosted(contract.module) ? 'in-process' : 'http';
    const stopTimer = rpcCallDuration().startTimer({ call: contract.name, transport });
    let outcome: RpcOutcome = 'error';
    try {
      const raw =
        transport === 'in-process'
          ? await this.inProcess(contract, input, principal, options.caller)
          : await this.overHttp(contract, input, principal, options.caller, options.timeoutMs ?? this.timeoutMs);
      const output = contract.output.safeParse(raw);
      if (!output.success) throw new RpcContractViolation(contract.name, output.error);
      outcome = 'ok';
      return output.data as RemoteCallOutput<C>;
    } catch (error) {
      if (error instanceof ApiError && error.getStatus() === 503) outcome = 'unavailable';
      throw error;
    } finally {
      stopTimer();
      rpcCallsTotal().inc({ call: contract.name, transport, outcome });
    }
  }

  private async inProcess(
    contract: RemoteCallContract,
    input: unknown,
    principal: CallPrincipal | undefined,
    caller: string | undefined,
  ): Promise<unknown> {
    if (!this.registry.provides(contract.name)) {
      // Not the caller's fault: a hosted context forgot to provide its call (500, logged).
      throw new Error(`${contract.name} has no provider although module ${contract.module} runs in this process`);
    }
    // Through JSON, as over HTTP: a contract that only works in one process is caught here.
    const result = await this.registry.invoke(contract.name, jsonCopy(input), {
      correlationId: RequestContext.correlationId(),
      principal,
      ...(caller ? { callerModule: caller } : {}),
      transport: 'in-process',
    });
    return jsonCopy(result);
  }

  private async overHttp(
    contract: RemoteCallContract,
    input: unknown,
    principal: CallPrincipal | undefined,
    caller: string | undefined,
    timeoutMs: number,
  ): Promise<unknown> {
    const baseUrl = this.options.moduleUrls?.[contract.module];
    if (!baseUrl) {
      this.logger?.error({ call: contract.name, module: contract.module }, 'no MODULE_URLS entry for a module hosted elsewhere');
      throw errors.unavailable(contract.module);
    }
    // Validated before it leaves, as in-process; the provider validates again.
    const checked = contract.input.safeParse(input);
    if (!checked.success) throw new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid', { fields: fieldErrors(checked.error) });
    let token: string;
    try {
      // Bound to the input as the provider will read it: the JSON it is sent as, parsed again.
      token = await this.tokens.sign({ module: contract.module, call: contract.name, principal, caller, input: jsonCopy(input) });
    } catch (error) {
      if (isSecretStoreUnavailable(error)) throw errors.unavailable('secrets');
      throw error;
    }
    const url = `${baseUrl.replace(/\/+$/, '')}${RPC_PATH_PREFIX}${encodeURIComponent(contract.name)}`;
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${token}`,
          'x-correlation-id': RequestContext.correlationId(),
        },
        body: JSON.stringify({ input }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.json();
    } catch (error) {
      this.logger?.warn({ call: contract.name, module: contract.module, err: describe(error) }, 'remote call failed in transport');
      throw unavailable(contract.module);
    }
    if (response.ok) {
      if (typeof body !== 'object' || body === null || !('output' in body)) throw unavailable(contract.module);
      return (body as { output: unknown }).output;
    }
    const envelope = body as { code?: unknown; message?: unknown; details?: unknown };
    if (typeof envelope?.code !== 'string' || typeof envelope.message !== 'string') throw unavailable(contract.module);
    if (TRANSPORT_ERROR_CODES.has(envelope.code)) {
      this.logger?.error({ call: contract.name, module: contract.module, code: envelope.code }, 'remote call refused by the provider process');
      throw unavailable(contract.module);
    }
    const retryAfter = response.headers.get('retry-after');
    throw new ApiError(response.status, envelope.code, envelope.message, envelope.details, retryAfter ? { 'retry-after': retryAfter } : {});
  }
}

function principalOfCurrentRequest(): CallPrincipal | undefined {
  const context = RequestContext.current();
  if (!context?.actorId || !context.actorRole) return undefined;
  return {
    userId: context.actorId,
    role: context.actorRole,
    ...(context.actorSessionId ? { sessionId: context.actorSessionId } : {}),
  };
}

function unavailable(module: string): ApiError {
  const error = errors.unavailable(module);
  return new ApiError(503, error.code, error.message, error.details, { 'retry-after': '5' });
}

function jsonCopy(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${error.message} (${cause.code ?? cause.message ?? 'unknown cause'})` : `${error.name}: ${error.message}`;
}
