import type { Role } from '@tall/platform/identity';

/** What a route asks of its caller; set by @Public(), @Authenticated(), @Roles(), @OpsAccess() and @MetricsAccess(). */
export type AuthRequirement =
  | { kind: 'public' }
  | {
      kind: 'authenticated';
      roles: readonly Role[] | null;
      /** Operations routes also accept the static OPS_API_TOKEN (automation without an account). */
      opsToken?: boolean;
      /** Monitoring reads (`/metrics`, system info) also accept the static METRICS_TOKEN. */
      metricsToken?: boolean;
    };

export const AUTH_REQUIREMENT = 'tall:auth-requirement';
