export { RpcModule } from './lib/rpc.module';
export { RPC_OPTIONS, ModuleCatalog, type RpcModuleOptions } from './lib/rpc-options';
export { RpcRegistry, RpcContractViolation, type RpcCallContext, type RpcHandler } from './lib/rpc-registry';
export { RpcClient, RPC_PATH_PREFIX, type RpcCallOptions } from './lib/rpc-client';
export {
  ServiceTokens,
  ServiceTokenError,
  SERVICE_TOKEN_TYPE,
  audienceOf,
  type ServiceTokensOptions,
  type ServiceTokenRequest,
  type VerifiedServiceToken,
} from './lib/service-token';
export { RpcController } from './lib/rpc.controller';
