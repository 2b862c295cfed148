export interface RpcModuleOptions {
  /** The app's module catalog: every context this build knows, hosted here or not. */
  modules: readonly string[];
  /** The contexts this process hosts (`MODULES`): their calls run in-process. */
  hostedModules: readonly string[];
  /**
   * `tcp://host:port` of the internal listener (`INTERNAL_PORT`) of the process hosting each module
   * that runs elsewhere (`MODULE_URLS`).
   */
  moduleUrls?: Readonly<Record<string, string>>;
  /** Secrets Manager name of the shared key service tokens are signed with. */
  signingSecretName: string;
  /** How long a call to another process may take. Default 5 s. */
  timeoutMs?: number;
  /** Service token lifetime. Default 60 s. */
  tokenTtlSeconds?: number;
  /**
   * Calls every hosted module must provide, by their part after the module name (e.g.
   * `exportUserData`). Missing ones are reported at bootstrap and by `RpcRegistry.missing()`.
   */
  requiredCalls?: readonly string[];
}

export const RPC_OPTIONS = Symbol('RPC_OPTIONS');

/**
 * Which contexts the app is made of and which run here. Platform code that must reach every
 * context (the GDPR export, for one) reads the list from here instead of hard-coding it.
 */
export class ModuleCatalog {
  readonly modules: readonly string[];
  readonly hostedModules: readonly string[];

  constructor(modules: readonly string[], hostedModules: readonly string[]) {
    const unknown = hostedModules.filter((name) => !modules.includes(name));
    if (unknown.length > 0) throw new Error(`Hosted modules missing from the module catalog: ${unknown.join(', ')}`);
    this.modules = Object.freeze([...modules]);
    this.hostedModules = Object.freeze([...hostedModules]);
  }

  isHosted(module: string): boolean {
    return this.hostedModules.includes(module);
  }

  has(module: string): boolean {
    return this.modules.includes(module);
  }
}
