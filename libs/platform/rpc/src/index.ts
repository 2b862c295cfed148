export { RpcModule } from './lib/rpc.module';
export { RPC_OPTIONS, ModuleCatalog, type RpcModuleOptions } from './lib/rpc-options';
export { RpcRegistry, RpcContractViolation, type RpcCallContext, type RpcHandler } from './lib/rpc-registry';
export { RpcClient, type RpcCallOptions } from './lib/rpc-client';
export {
  ServiceTokens,
  ServiceTokenError,
  SERVICE_TOKEN_TYPE,
  audienceOf,
  type ServiceTokensOptions,
  type ServiceTokenRequest,
  type VerifiedServiceToken,
} from './lib/service-token';
export { InternalRpcController } from './lib/internal-rpc.controller';
export { connectInternalRpc, internalRpcPort, type InternalRpcListenerOptions } from './lib/internal-rpc-listener';
export { parseInternalAddress, type InternalAddress } from './lib/internal-address';
export {
  INTERNAL_RPC_PATTERN,
  type InternalRpcRequest,
  type InternalRpcReply,
  type InternalRpcError,
} from './lib/internal-rpc-messages';
