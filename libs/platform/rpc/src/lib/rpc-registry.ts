import { Inject, Injectable } from '@nestjs/common';
import type { ZodError } from 'zod';
import type { CallPrincipal, RemoteCallContract, RemoteCallRequest, RemoteCallResult } from '@tall/platform/call-contracts';
import { ApiError, fieldErrors } from '@tall/platform/http';
import { ModuleCatalog } from './rpc-options';

export interface RpcCallContext {
  correlationId: string;
  /** The user the call is made for, when the call stems from a signed-in request. */
  principal?: CallPrincipal;
  /** The calling module, when the caller named itself (`RpcCallOptions.caller`); for audits. */
  callerModule?: string;
  transport: 'in-process' | 'tcp';
}

export type RpcHandler<C extends RemoteCallContract> = (
  input: RemoteCallRequest<C>,
  context: RpcCallContext,
) => Promise<RemoteCallResult<C>>;

interface Registration {
  contract: RemoteCallContract;
  handler: RpcHandler<RemoteCallContract>;
}

/** A handler answered something its own contract does not allow: a bug on the provider's side. */
export class RpcContractViolation extends Error {
  constructor(call: string, error: ZodError) {
    super(`The provider of ${call} answered outside its contract: ${error.issues.map((issue) => `${issue.path.join('.') || '(output)'} ${issue.message}`).join('; ')}`);
    this.name = 'RpcContractViolation';
  }
}

/**
 * The calls this process provides. Context modules `provide` their handlers at module init,
 * for the modules hosted here; `invoke` is used by the in-process client and the internal listener
 * alike, so a call is validated the same way whichever way it came.
 */
@Injectable()
export class RpcRegistry {
  private readonly registrations = new Map<string, Registration>();

  constructor(@Inject(ModuleCatalog) private readonly catalog: ModuleCatalog) {}

  provide<C extends RemoteCallContract>(contract: C, handler: RpcHandler<C>): void {
    if (!this.catalog.has(contract.module)) {
      throw new Error(`Remote call ${contract.name} belongs to ${contract.module}, which is not in the module catalog`);
    }
    if (!this.catalog.isHosted(contract.module)) {
      throw new Error(`Remote call ${contract.name} is provided here, but module ${contract.module} is not hosted by this process`);
    }
    if (this.registrations.has(contract.name)) throw new Error(`Remote call ${contract.name} is provided twice`);
    this.registrations.set(contract.name, { contract, handler: handler as unknown as RpcHandler<RemoteCallContract> });
  }

  provides(name: string): boolean {
    return this.registrations.has(name);
  }

  names(): string[] {
    return [...this.registrations.keys()].sort();
  }

  /** `<module>.<call>` names of `requiredCalls` that a hosted module does not provide. */
  missing(requiredCalls: readonly string[]): string[] {
    return this.catalog.hostedModules
      .flatMap((module) => requiredCalls.map((call) => `${module}.${call}`))
      .filter((name) => !this.registrations.has(name));
  }

  /**
   * Validates the input (400 VALIDATION_FAILED with per-field details), runs the handler and
   * checks its answer against the contract. Returns the answer as the handler gave it (the
   * contract's input form): the caller parses it, exactly as after a trip between processes.
   */
  async invoke(name: string, rawInput: unknown, context: RpcCallContext): Promise<unknown> {
    const registration = this.registrations.get(name);
    if (!registration) throw new ApiError(404, 'RPC_UNKNOWN_CALL', `This process does not provide ${name}`);
    const input = registration.contract.input.safeParse(rawInput);
    if (!input.success) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid', { fields: fieldErrors(input.error) });
    }
    const result = await registration.handler(input.data as never, context);
    const checked = registration.contract.output.safeParse(result);
    if (!checked.success) throw new RpcContractViolation(name, checked.error);
    return result;
  }
}
