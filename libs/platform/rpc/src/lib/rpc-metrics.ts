import { Histogram } from 'prom-client';
import { counter, metric } from '@tall/platform/observability';

export type RpcTransport = 'in-process' | 'tcp';
export type RpcOutcome = 'ok' | 'error' | 'unavailable';

export const rpcCallsTotal = () =>
  counter('tall_rpc_calls_total', 'Calls between contexts by call, transport and outcome', ['call', 'transport', 'outcome'] as const);

export const rpcCallDuration = (): Histogram<'call' | 'transport'> =>
  metric(
    'tall_rpc_call_duration_seconds',
    () =>
      new Histogram({
        name: 'tall_rpc_call_duration_seconds',
        help: 'Duration of calls between contexts, as the caller saw it',
        labelNames: ['call', 'transport'],
        buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      }),
  );

export const rpcRejectedTokensTotal = () =>
  counter('tall_rpc_rejected_tokens_total', 'Internal calls refused for a missing or invalid service token', ['reason'] as const);
