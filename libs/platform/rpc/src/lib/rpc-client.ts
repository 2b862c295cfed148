import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { ClientTCP } from '@nestjs/microservices';
import type { Logger } from 'pino';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import type { CallPrincipal, RemoteCallContract, RemoteCallInput, RemoteCallOutput } from '@tall/platform/call-contracts';
import { ApiError, errors, fieldErrors } from '@tall/platform/http';
import { LOGGER, RequestContext } from '@tall/platform/observability';
import { isSecretStoreUnavailable } from '@tall/platform/secrets';
import { parseInternalAddress, type InternalAddress } from './internal-address';
import { INTERNAL_RPC_PATTERN, InternalRpcErrorSchema, type InternalRpcRequest } from './internal-rpc-messages';
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

/** Error codes of the internal listener itself: a problem between processes, not the user's. */
const TRANSPORT_ERROR_CODES = new Set(['RPC_UNAUTHENTICATED', 'RPC_UNKNOWN_CALL']);

/**
 * Calls another context through its contract. In-process when this process hosts the
 * contract's module; otherwise a `tall.rpc.call` message with a service token to the internal
 * listener of that module's process (`MODULE_URLS`, a @nestjs/microservices `ClientTCP` per
 * address). Either way the input and the output are validated against the contract, `ApiError`s
 * of the provider reach the caller as `ApiError`s, and a provider that cannot be reached, or does
 * not answer within the timeout, is a 503.
 */
@Injectable()
export class RpcClient implements OnApplicationShutdown {
  private readonly timeoutMs: number;
  private readonly addresses = new Map<string, InternalAddress>();
  /** One connection per provider address, opened at its first call and kept. */
  private readonly connections = new Map<string, ClientTCP>();

  constructor(
    @Inject(RPC_OPTIONS) private readonly options: RpcModuleOptions,
    @Inject(ModuleCatalog) private readonly catalog: ModuleCatalog,
    @Inject(RpcRegistry) private readonly registry: RpcRegistry,
    @Inject(ServiceTokens) private readonly tokens: ServiceTokens,
    @Optional() @Inject(LOGGER) private readonly logger?: Logger,
  ) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    // A bad address fails the start, not every call later.
    for (const [module, url] of Object.entries(options.moduleUrls ?? {})) this.addresses.set(module, parseInternalAddress(module, url));
  }

  onApplicationShutdown(): void {
    for (const connection of this.connections.values()) connection.close();
    this.connections.clear();
  }

  async call<C extends RemoteCallContract>(contract: C, input: RemoteCallInput<C>, options: RpcCallOptions = {}): Promise<RemoteCallOutput<C>> {
    const principal = options.principal === null ? undefined : (options.principal ?? principalOfCurrentRequest());
    const transport: RpcTransport = this.catalog.isHosted(contract.module) ? 'in-process' : 'tcp';
    const stopTimer = rpcCallDuration().startTimer({ call: contract.name, transport });
    let outcome: RpcOutcome = 'error';
    try {
      const raw =
        transport === 'in-process'
          ? await this.inProcess(contract, input, principal, options.caller)
          : await this.overTcp(contract, input, principal, options.caller, options.timeoutMs ?? this.timeoutMs);
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
    // Through JSON, as between processes: a contract that only works in one process is caught here.
    const result = await this.registry.invoke(contract.name, jsonCopy(input), {
      correlationId: RequestContext.correlationId(),
      principal,
      ...(caller ? { callerModule: caller } : {}),
      transport: 'in-process',
    });
    return jsonCopy(result);
  }

  private async overTcp(
    contract: RemoteCallContract,
    input: unknown,
    principal: CallPrincipal | undefined,
    caller: string | undefined,
    timeoutMs: number,
  ): Promise<unknown> {
    const address = this.addresses.get(contract.module);
    if (!address) {
      this.logger?.error({ call: contract.name, module: contract.module }, 'no MODULE_URLS entry for a module hosted elsewhere');
      throw errors.unavailable(contract.module);
    }
    // Validated before it leaves, as in-process; the provider validates again.
    const checked = contract.input.safeParse(input);
    if (!checked.success) throw new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid', { fields: fieldErrors(checked.error) });
    // Sent and bound as the provider will read it: the JSON it travels as, parsed again.
    const sent = jsonCopy(input);
    let token: string;
    try {
      token = await this.tokens.sign({ module: contract.module, call: contract.name, principal, caller, input: sent });
    } catch (error) {
      if (isSecretStoreUnavailable(error)) throw errors.unavailable('secrets');
      throw error;
    }
    const request: InternalRpcRequest = { call: contract.name, input: sent, token, correlationId: RequestContext.correlationId() };
    const key = `${address.host}:${address.port}`;
    const connection = this.connection(key, address);
    let reply: unknown;
    try {
      reply = await firstValueFrom(connection.send<unknown, InternalRpcRequest>(INTERNAL_RPC_PATTERN, request).pipe(timeout(timeoutMs)));
    } catch (error) {
      if (error instanceof TimeoutError) {
        // A connection that stays silent may be half-open (the peer's host vanished): the next call opens a new one.
        this.drop(key, connection);
      }
      this.logger?.warn({ call: contract.name, module: contract.module, err: describe(error) }, 'remote call failed in transport');
      throw unavailable(contract.module);
    }
    if (typeof reply !== 'object' || reply === null) throw unavailable(contract.module);
    if ('error' in reply) {
      const refused = InternalRpcErrorSchema.safeParse(reply.error);
      if (!refused.success) throw unavailable(contract.module);
      const { statusCode, code, message, details, retryAfter } = refused.data;
      if (TRANSPORT_ERROR_CODES.has(code)) {
        this.logger?.error({ call: contract.name, module: contract.module, code }, 'remote call refused by the provider process');
        throw unavailable(contract.module);
      }
      throw new ApiError(statusCode, code, message, details, retryAfter ? { 'retry-after': retryAfter } : {});
    }
    if (!('output' in reply)) throw unavailable(contract.module);
    return reply.output;
  }

  private connection(key: string, address: InternalAddress): ClientTCP {
    let connection = this.connections.get(key);
    if (!connection) {
      connection = new ClientTCP({ host: address.host, port: address.port });
      this.connections.set(key, connection);
    }
    return connection;
  }

  private drop(key: string, connection: ClientTCP): void {
    if (this.connections.get(key) === connection) this.connections.delete(key);
    connection.close();
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
  if (!(error instanceof Error)) {
    const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
    return typeof message === 'string' ? message : String(error);
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${error.message} (${cause.code ?? cause.message ?? 'unknown cause'})` : `${error.name}: ${error.message}`;
}
