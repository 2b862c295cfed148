import { isIP } from 'node:net';
import { z } from 'zod';

const semver = z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version like 1.4.0');
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));
/**
 * `pii=tcp://10.0.0.5:3100,profile=tcp://10.0.0.6:3100` → { pii: 'tcp://10.0.0.5:3100', … }: the
 * internal listener (`INTERNAL_PORT`) of the process hosting each module. Calls between processes
 * no longer go over the public HTTP port, so an http(s) address is refused with a clear message.
 */
const moduleUrls = z.string().transform((value, context) => {
  const urls: Record<string, string> = {};
  for (const entry of value.split(',').map((item) => item.trim()).filter(Boolean)) {
    const match = /^([a-z][a-z0-9-]*)=(\S+)$/.exec(entry);
    const address = match ? internalAddress(match[2]) : undefined;
    if (!match || !address) {
      const hint = /^[a-z][a-z0-9-]*=https?:\/\//.test(entry)
        ? ': calls between processes go to the INTERNAL_PORT of the process hosting the module, e.g. pii=tcp://10.0.0.5:3100, not to its HTTP port'
        : '';
      context.addIssue({ code: 'custom', message: `"${entry}" is not <module>=tcp://<host>:<port>${hint}` });
      return z.NEVER;
    }
    urls[match[1]] = address;
  }
  return urls;
});
/** `tcp://host:port` (a trailing slash allowed) → the same without it; anything else → undefined. */
function internalAddress(value: string): string | undefined {
  if (!/^tcp:\/\//.test(value) || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  const port = Number(url.port);
  if (!url.hostname || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  if (url.username || url.password || (url.pathname !== '' && url.pathname !== '/') || url.search || url.hash) return undefined;
  return `tcp://${url.host}`;
}
const list = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));
const DURATION_UNITS_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** `0,1d,3d,12h` → durations in ms (`0` alone, or a whole number with s, m, h, d or w). */
const durationList = z.string().transform((value, context) => {
  const durations: number[] = [];
  for (const entry of value.split(',').map((item) => item.trim())) {
    const match = /^(\d+)([smhdw])?$/.exec(entry);
    if (!match || (!match[2] && match[1] !== '0')) {
      context.addIssue({ code: 'custom', message: `"${entry}" is not a duration such as 0, 30m, 12h, 3d or 2w` });
      return z.NEVER;
    }
    durations.push(Number(match[1]) * (match[2] ? DURATION_UNITS_MS[match[2]] : 0));
  }
  return durations;
});

/** `1,2,4,8` → [1, 2, 4, 8]: whole weeks 1..104, strictly increasing. */
const weekCycle = z.string().transform((value, context) => {
  const weeks = value.split(',').map((item) => item.trim()).filter(Boolean).map(Number);
  const problem = weeks.findIndex((week, index) => !Number.isInteger(week) || week < 1 || week > 104 || (index > 0 && week <= weeks[index - 1]));
  if (problem >= 0) {
    context.addIssue({ code: 'custom', message: 'must be whole weeks from 1 to 104, strictly increasing, e.g. 1,2,4,8' });
    return z.NEVER;
  }
  return weeks;
});

/** Range names proxy-addr (Fastify's trustProxy) knows: 127.0.0.0/8 and ::1; link-local; private networks. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}
/**
 * Which proxies' X-Forwarded-For to believe, for the client address: `false` (none: the peer is
 * the client), a hop count (`1`: the nearest proxy, e.g. the ingress controller), or the proxies'
 * addresses, CIDRs or range names, comma-separated. Never "all": then any client could name
 * its own address and slip past the per-address rate limit.
 */
const trustProxy = z.string().transform((value, context): false | number | string[] => {
  const trimmed = value.trim();
  if (['', 'false', 'off', '0'].includes(trimmed)) return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (trimmed === 'true') {
    context.addIssue({ code: 'custom', message: "trusting every proxy lets any client choose its own address: give a hop count (e.g. 1) or the proxies' addresses" });
    return z.NEVER;
  }
  const entries = trimmed.split(',').map((item) => item.trim()).filter(Boolean);
  const wrong = entries.find((entry) => !isProxyAddress(entry));
  if (wrong !== undefined) {
    context.addIssue({ code: 'custom', message: `"${wrong}" is not a hop count, an IP address, a CIDR, or one of ${PROXY_RANGE_NAMES.join(', ')}` });
    return z.NEVER;
  }
  return entries;
});

/**
 * Every environment variable Tall reads. The README's configuration table is the same list;
 * a test keeps the two in step.
 */
export const appConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** The listener for calls from other Tall processes (TCP); required when MODULES hosts only some modules. */
  INTERNAL_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Where that listener binds; default HOST. */
  INTERNAL_HOST: z.string().min(1).optional(),
  MODULES: z.string().default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URI'),
  /** Connections of the process's one MongoDB client (every context's database, the relay, the inboxes). */
  MONGODB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  MODULE_URLS: moduleUrls.default({}),
  RPC_SIGNING_SECRET_NAME: z.string().min(1).default('tall/rpc/service-token-key'),
  RPC_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  KAFKA_BROKERS: list.optional(),
  KAFKA_CLIENT_ID: z.string().default('tall'),
  SCHEMA_REGISTRY_URL: z.url().optional(),
  AWS_REGION: z.string().default('us-east-1'),
  AWS_ACCESS_KEY_ID: z.string().optional(),
  AWS_SECRET_ACCESS_KEY: z.string().optional(),
  AWS_ENDPOINT_URL_S3: z.url().optional(),
  AWS_ENDPOINT_URL_SECRETS_MANAGER: z.url().optional(),
  SECRETS_DRIVER: z.enum(['aws', 'local']).default('aws'),
  SECRETS_LOCAL_FILE: z.string().default('tmp/secrets.json'),
  PII_MASTER_KEY_SECRET_NAME: z.string().min(1).default('tall/pii/master-key'),
  STORAGE_DRIVER: z.enum(['s3', 's3-compatible', 'local']).default('s3'),
  STORAGE_BUCKET: z.string().min(3).default('tall-media'),
  STORAGE_LOCAL_DIR: z.string().default('tmp/storage'),
  STORAGE_LOCAL_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  STORAGE_PUBLIC_ENDPOINT: z.url().optional(),
  /** How long the listening context's pre-signed playback URLs live: at most 15 minutes. */
  LISTENING_URL_TTL_SECONDS: z.coerce.number().int().min(1).max(900).default(600),
  PUBLIC_URL: z.url().optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  MIN_CLIENT_VERSION_WEB: semver.default('1.0.0'),
  MIN_CLIENT_VERSION_ANDROID: semver.default('1.0.0'),
  MIN_CLIENT_VERSION_DESKTOP: semver.default('1.0.0'),
  REGISTRATION: z.enum(['open', 'closed']).default('open'),
  ADMIN_EMAIL: z.email().max(254).optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(128).optional(),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  AUTH_ACCOUNT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  TRUST_PROXY: trustProxy.default(false),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(900),
  JWT_SIGNING_KEYS_SECRET_NAME: z.string().min(1).default('tall/jwt-signing-keys'),
  AUTH_JWKS_URL: z.url().optional(),
  CRON_ENABLED: flag.default(true),
  /** Tries of one event by one consumer before it is parked as poison (see ADR 13). */
  EVENT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  OPS_API_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Bearer token for `/metrics` and `GET /api/v1/system/info` (Prometheus, monitoring); OPS_API_TOKEN works there too. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  WEB_DIST_DIR: z.string().default('dist/clients/web/browser'),
  LEARNING_DESIRED_RETENTION: z.coerce.number().min(0.7).max(0.99).default(0.9),
  LEARNING_COHORT_CYCLE: weekCycle.default([1, 2, 4, 8]),
  // prefault: the default goes through the parser like a value that was set.
  THEMATIC_BOX_INTERVALS: durationList.prefault('0,1d,3d,7d,14d,30d,90d'),
  THEMATIC_TOP_BOXES: z.coerce.number().int().min(1).max(19).default(2),
  THEMATIC_MASTERY_THRESHOLD: z.coerce.number().gt(0).max(1).default(0.9),
  THEMATIC_SESSION_SIZE: z.coerce.number().int().min(1).max(50).default(10),
});

export type AppConfig = z.infer<typeof appConfigSchema>;
