import { z } from 'zod';

/**
 * A request/response call one context offers the others, by name. The contract is all a
 * caller knows: whether the provider runs in this process or behind another process's internal
 * listener (`INTERNAL_PORT`) is decided by the rpc platform lib from `MODULES` and `MODULE_URLS`.
 */
export interface RemoteCallContract<
  TName extends string = string,
  TInput extends z.ZodType = z.ZodType,
  TOutput extends z.ZodType = z.ZodType,
> {
  /** `<module>.<call>`, e.g. `pii.storePersonalData`; also the path segment of the internal route. */
  readonly name: TName;
  /** The bounded context that provides the call (a name of the app's module catalog). */
  readonly module: string;
  readonly description: string;
  readonly input: TInput;
  readonly output: TOutput;
}

/** What a caller passes. */
export type RemoteCallInput<C extends RemoteCallContract> = z.input<C['input']>;
/** What a caller gets back (validated). */
export type RemoteCallOutput<C extends RemoteCallContract> = z.output<C['output']>;
/** What the provider's handler receives (validated). */
export type RemoteCallRequest<C extends RemoteCallContract> = z.output<C['input']>;
/** What the provider's handler returns (validated before it leaves). */
export type RemoteCallResult<C extends RemoteCallContract> = z.input<C['output']>;

const MODULE_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const CALL_NAME = /^[a-z][A-Za-z0-9]{0,79}$/;

export function defineRemoteCall<TName extends string, TInput extends z.ZodType, TOutput extends z.ZodType>(contract: {
  name: TName;
  module: string;
  description: string;
  input: TInput;
  output: TOutput;
}): RemoteCallContract<TName, TInput, TOutput> {
  const problem = remoteCallNameProblem(contract.name, contract.module);
  if (problem) throw new Error(problem);
  return Object.freeze({ ...contract });
}

/** Why `name` cannot be a call of `module`, or undefined when it can. */
export function remoteCallNameProblem(name: string, module: string): string | undefined {
  if (!MODULE_NAME.test(module)) return `Remote call ${name}: module ${JSON.stringify(module)} is not a module name`;
  const prefix = `${module}.`;
  if (!name.startsWith(prefix) || !CALL_NAME.test(name.slice(prefix.length))) {
    return `Remote call ${JSON.stringify(name)} must be named <module>.<call> with module ${module} and a camelCase call`;
  }
  return undefined;
}

/** Who a call is made for: the signed-in user of the request that caused it, when there is one. */
export interface CallPrincipal {
  userId: string;
  role: string;
  sessionId?: string;
}

export const CallPrincipalSchema = z.strictObject({
  userId: z.string().min(1).max(128),
  role: z.string().min(1).max(64),
  sessionId: z.string().min(1).max(128).optional(),
});
