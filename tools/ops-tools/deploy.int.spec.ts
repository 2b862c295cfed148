import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { parse, parseAllDocuments } from 'yaml';

/**
 * The deployment files against the real tools: helm v4 lints and renders deploy/helm/tall,
 * promtool checks and tests deploy/monitoring's rules, and every metric the rules and dashboards
 * use must be one the app exports. The first run builds helm and promtool from their Go modules
 * (tools/ops-tools/ops-tools.mjs): minutes, hence the long timeout; later runs take seconds.
 */
jest.setTimeout(20 * 60_000);

const root = join(__dirname, '../..');
const chart = join(root, 'deploy/helm/tall');
const monitoring = join(root, 'deploy/monitoring');
const RELEASE = 'tall';
const NAMESPACE = 'school';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: root, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

async function succeeded(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const result = await run(command, args, env);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

// ---------------------------------------------------------------------------------------------
// Kubernetes objects, as far as these checks read them

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}
interface Container {
  image: string;
  ports: { name: string; containerPort: number }[];
  env: EnvVar[];
  envFrom: { configMapRef?: { name: string } }[];
  startupProbe: { httpGet: { path: string } };
  livenessProbe: { httpGet: { path: string } };
  readinessProbe: { httpGet: { path: string } };
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  securityContext: { readOnlyRootFilesystem: boolean; allowPrivilegeEscalation: boolean };
  volumeMounts: { name: string; mountPath: string }[];
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  data?: Record<string, string>;
}

function objects(manifest: string): K8sObject[] {
  return parseAllDocuments(manifest)
    .map((document) => {
      if (document.errors.length > 0) throw new Error(`helm rendered invalid YAML: ${document.errors[0].message}`);
      return document.toJSON() as K8sObject | null;
    })
    .filter((object): object is K8sObject => object !== null);
}

function find(rendered: K8sObject[], kind: string, name: string): K8sObject {
  const object = rendered.find((candidate) => candidate.kind === kind && candidate.metadata.name === name);
  if (!object) throw new Error(`no ${kind} ${name} among: ${rendered.map((candidate) => `${candidate.kind}/${candidate.metadata.name}`).join(', ')}`);
  return object;
}

function container(deployment: K8sObject): Container {
  return deployment.spec.template.spec.containers[0];
}

function env(deployment: K8sObject, name: string): EnvVar | undefined {
  return container(deployment).env.find((variable) => variable.name === name);
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/**
 * The contexts the image can host: the manifests spread into CONTEXT_MODULES
 * (apps/api/src/app/context-modules.ts), each named in its contracts lib. Read as text: tools may
 * not import the app by path.
 */
function contextModulesOfTheApp(): string[] {
  const catalog = readFileSync(join(root, 'apps/api/src/app/context-modules.ts'), 'utf8');
  const body = catalog.slice(catalog.indexOf('CONTEXT_MODULES'));
  const manifests = [...body.matchAll(/\.\.\.([A-Z_]+_MODULE)\b/g)].map((match) => match[1]);
  const names = new Map<string, string>();
  for (const file of sourceFiles(join(root, 'libs')).filter((path) => path.includes('/contracts/'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/export const ([A-Z_]+_MODULE) = \{ name: '([a-z][a-z0-9-]*)'/g)) names.set(match[1], match[2]);
  }
  return manifests.map((manifest) => {
    const name = names.get(manifest);
    if (!name) throw new Error(`${manifest} is spread into CONTEXT_MODULES but no contracts lib declares its name`);
    return name;
  });
}

// ---------------------------------------------------------------------------------------------
// Metric names

/** Names in the app's source: `name: 'tall_…'`, or the first argument of observability's helpers. */
function exportedByTheApp(): Set<string> {
  const names = new Set<string>();
  const histograms = new Set<string>();
  for (const file of sourceFiles(join(root, 'libs')).concat(sourceFiles(join(root, 'apps')))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of [
      /\bname:\s*'(tall_[a-z0-9_]+)'/g,
      /\b(?:counter|gauge|histogram|metric)\(\s*'(tall_[a-z0-9_]+)'/g,
      /\bonce\(\s*\w+,\s*'(tall_[a-z0-9_]+)'/g,
    ]) {
      for (const match of text.matchAll(pattern)) names.add(match[1]);
    }
    for (const match of text.matchAll(/new Histogram\(\{\s*name:\s*'(tall_[a-z0-9_]+)'/g)) histograms.add(match[1]);
  }
  for (const name of histograms) for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
  return names;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !/\.(spec|int\.spec|e2e\.spec)\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.includes('/node_modules/') && !file.includes('/test-support/'));
}

/** prom-client's default metrics, as the app collects them (observability's collectProcessMetrics, no prefix). */
async function defaultMetrics(): Promise<Set<string>> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: '' });
  const names = new Set<string>();
  for (const metric of await registry.getMetricsAsJSON()) {
    names.add(metric.name);
    const type = String(metric.type);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${metric.name}${suffix}`);
    if (type === 'summary') for (const suffix of ['_sum', '_count']) names.add(`${metric.name}${suffix}`);
  }
  registry.clear();
  return names;
}

/** Metric names in a PromQL expression: identifiers with an underscore, not functions, labels or variables. */
function metricsIn(expr: string): string[] {
  const withoutStrings = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const withoutLabelLists = withoutStrings.replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const withoutMatchers = withoutLabelLists.replace(/\{[^}]*\}/g, '{}');
  return [...withoutMatchers.matchAll(/(?<![$\w])([a-zA-Z_:][a-zA-Z0-9_:]*_[a-zA-Z0-9_:]+)\b(?!\s*\()/g)].map((match) => match[1]);
}

interface RuleFile {
  groups: { name: string; rules: { alert?: string; record?: string; expr: string }[] }[];
}

interface DashboardPanel {
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: { expr?: string; refId: string }[];
  gridPos: { h: number; w: number; x: number; y: number };
}
interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: DashboardPanel[];
  templating: { list: { name: string; type: string; query: unknown }[] };
}

// ---------------------------------------------------------------------------------------------

describe('deployment files', () => {
  let helm: string;
  let promtool: string;
  let scratch: string;
  let helmEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const paths = JSON.parse(await succeeded(process.execPath, [join(root, 'tools/ops-tools/ops-tools.mjs'), 'ensure', '--json']));
    helm = paths.helm;
    promtool = paths.promtool;
    scratch = mkdtempSync(join(tmpdir(), 'tall-deploy-spec-'));
    // helm keeps caches and settings under $HOME unless told otherwise: keep them here.
    helmEnv = { ...process.env, HELM_CACHE_HOME: join(scratch, 'cache'), HELM_CONFIG_HOME: join(scratch, 'config'), HELM_DATA_HOME: join(scratch, 'data') };
  }, 20 * 60_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const lint = (...args: string[]) => run(helm, ['lint', chart, '--strict', ...args], helmEnv);
  const template = async (...args: string[]) =>
    objects(await succeeded(helm, ['template', RELEASE, chart, '--namespace', NAMESPACE, ...args], helmEnv));
  function valuesFile(name: string, text: string): string {
    const file = join(scratch, `${name}.yaml`);
    writeFileSync(file, text);
    return file;
  }

  describe('the Helm chart', () => {
    it('lints strictly with the default values and with every option on', async () => {
      const plain = await lint();
      expect(plain.code).toBe(0);
      const everything = await lint(
        '--set', 'ingress.enabled=true',
        '--set', 'ingress.hosts={tall.school.example}',
        '--set', 'monitoring.serviceMonitor.enabled=true',
        '--set', 'monitoring.prometheusRule.enabled=true',
        '--set', 'existingSecrets.admin.name=tall-admin',
        '--set', 'existingSecrets.metricsToken.name=tall-metrics',
        '--set', 'aws.credentialsSecret.name=tall-aws',
      );
      expect(everything).toMatchObject({ code: 0 });
    });

    it('hosts every context of the app between the two deployments, which reach each other’s internal listener through MODULE_URLS', async () => {
      const rendered = await template();
      const values = parse(readFileSync(join(chart, 'values.yaml'), 'utf8'));
      const catalog: string[] = values.modules.catalog;
      // The chart's catalog must be the image's, or MODULES would name modules the app refuses.
      const known = contextModulesOfTheApp();
      expect(known.length).toBeGreaterThanOrEqual(6);
      expect([...catalog].sort()).toEqual([...known].sort());

      const main = find(rendered, 'Deployment', 'tall');
      const progress = find(rendered, 'Deployment', 'tall-progress');
      const mainModules = env(main, 'MODULES')?.value?.split(',') ?? [];
      expect(env(progress, 'MODULES')?.value).toBe('progress');
      expect([...mainModules, 'progress'].sort()).toEqual([...catalog].sort());

      const mainService = find(rendered, 'Service', 'tall');
      const progressService = find(rendered, 'Service', 'tall-progress');
      const urlOf = (service: K8sObject) => `http://${service.metadata.name}.${NAMESPACE}.svc:${service.spec.ports[0].port}`;
      // Calls between the two go to the other's internal listener, through a Service of its own, never the public port.
      const mainInternal = find(rendered, 'Service', 'tall-internal');
      const progressInternal = find(rendered, 'Service', 'tall-progress-internal');
      const addressOf = (service: K8sObject) => `tcp://${service.metadata.name}.${NAMESPACE}.svc:${service.spec.ports[0].port}`;
      expect(env(main, 'MODULE_URLS')?.value).toBe(`progress=${addressOf(progressInternal)}`);
      expect(env(progress, 'MODULE_URLS')?.value).toBe(mainModules.map((module) => `${module}=${addressOf(mainInternal)}`).join(','));
      expect(env(progress, 'AUTH_JWKS_URL')?.value).toBe(`${urlOf(mainService)}/api/v1/auth/jwks`);
      for (const [deployment, internal] of [[main, mainInternal], [progress, progressInternal]] as const) {
        expect(env(deployment, 'INTERNAL_PORT')?.value).toBe('3100');
        expect(container(deployment).ports).toContainEqual({ name: 'internal', containerPort: 3100, protocol: 'TCP' });
        expect(internal.spec).toMatchObject({ type: 'ClusterIP', ports: [{ name: 'internal', port: 3100, targetPort: 'internal', protocol: 'TCP' }] });
        expect(internal.spec.selector).toEqual(deployment.spec.selector.matchLabels);
      }
      // The public services carry the public port only.
      for (const service of [mainService, progressService]) expect(service.spec.ports.map((port: { name: string }) => port.name)).toEqual(['http']);
      expect(env(main, 'AUTH_JWKS_URL')).toBeUndefined();

      // A split needs Kafka: the app refuses a MODULES subset without brokers.
      const config = find(rendered, 'ConfigMap', 'tall');
      expect(config.data?.KAFKA_BROKERS).toBeTruthy();
      for (const deployment of [main, progress]) {
        expect(container(deployment).envFrom).toContainEqual({ configMapRef: { name: 'tall' } });
      }

      // Each service reaches its own pods only: the main routes are not served by progress.
      const podLabels = (deployment: K8sObject): Record<string, string> => deployment.spec.template.metadata.labels;
      expect(selects(mainService.spec.selector, podLabels(main))).toBe(true);
      expect(selects(mainService.spec.selector, podLabels(progress))).toBe(false);
      expect(selects(progressService.spec.selector, podLabels(progress))).toBe(true);
      expect(selects(progressService.spec.selector, podLabels(main))).toBe(false);
      for (const [deployment, service] of [[main, mainService], [progress, progressService]] as const) {
        expect(find(rendered, 'PodDisruptionBudget', deployment.metadata.name).spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
        const hpa = find(rendered, 'HorizontalPodAutoscaler', deployment.metadata.name);
        expect(hpa.apiVersion).toBe('autoscaling/v2');
        expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
        expect(hpa.spec.metrics[0].resource.name).toBe('cpu');
        // The HPA owns the replica count.
        expect(deployment.spec.replicas).toBeUndefined();
        expect(service.spec.ports[0].targetPort).toBe('http');
      }
    });

    it('runs the image as node with a read-only root, probes, resources and secrets only by reference', async () => {
      const rendered = await template(
        '--set', 'aws.credentialsSecret.name=tall-aws',
        '--set', 'existingSecrets.opsApiToken.name=tall-ops',
        '--set', 'existingSecrets.metricsToken.name=tall-metrics',
      );
      expect(rendered.filter((object) => object.kind === 'Secret')).toEqual([]);
      for (const name of ['tall', 'tall-progress']) {
        const deployment = find(rendered, 'Deployment', name);
        const pod = deployment.spec.template.spec;
        const main = container(deployment);
        expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000 });
        expect(main.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
        expect(main.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
        expect(pod.volumes).toContainEqual(expect.objectContaining({ name: 'tmp', emptyDir: expect.any(Object) }));
        expect(main.ports).toEqual([
          { name: 'http', containerPort: 3000, protocol: 'TCP' },
          { name: 'internal', containerPort: 3100, protocol: 'TCP' },
        ]);
        expect(main.startupProbe.httpGet.path).toBe('/health/live');
        expect(main.livenessProbe.httpGet.path).toBe('/health/live');
        expect(main.readinessProbe.httpGet.path).toBe('/health/ready');
        expect(main.resources.limits.memory).toBe('384Mi');
        expect(main.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
        expect(find(rendered, 'ServiceAccount', pod.serviceAccountName)).toBeDefined();
        for (const secret of ['DATABASE_URL', 'MONGODB_URI', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'OPS_API_TOKEN', 'METRICS_TOKEN']) {
          expect(env(deployment, secret)).toEqual({ name: secret, valueFrom: { secretKeyRef: expect.objectContaining({ name: expect.any(String) }) } });
        }
      }
      const config = find(rendered, 'ConfigMap', 'tall').data ?? {};
      for (const secret of ['DATABASE_URL', 'MONGODB_URI', 'AWS_SECRET_ACCESS_KEY', 'OPS_API_TOKEN', 'METRICS_TOKEN', 'ADMIN_PASSWORD']) expect(config).not.toHaveProperty(secret);
      expect(config).toMatchObject({ NODE_ENV: 'production', SECRETS_DRIVER: 'aws', PORT: '3000' });
      // Behind the ingress controller: its hop is believed, a client's own X-Forwarded-For is not.
      expect(config['TRUST_PROXY']).toBe('1');
    });

    it('runs one deployment hosting every module when the extraction is off', async () => {
      const rendered = await template('--set', 'extraction.enabled=false');
      const deployments = rendered.filter((object) => object.kind === 'Deployment');
      expect(deployments.map((deployment) => deployment.metadata.name)).toEqual(['tall']);
      expect(env(deployments[0], 'MODULES')?.value).toBe('all');
      expect(env(deployments[0], 'MODULE_URLS')).toBeUndefined();
      // No other process calls it: no internal listener, port or Service.
      expect(env(deployments[0], 'INTERNAL_PORT')).toBeUndefined();
      expect(container(deployments[0]).ports).toEqual([{ name: 'http', containerPort: 3000, protocol: 'TCP' }]);
      expect(rendered.filter((object) => object.kind === 'Service').map((service) => service.metadata.name)).toEqual(['tall']);
      expect(rendered.filter((object) => object.kind === 'PodDisruptionBudget')).toHaveLength(1);
    });

    it('routes the extracted routes to their service at the ingress, the rest to the main one', async () => {
      const rendered = await template('--set', 'ingress.enabled=true', '--set', 'ingress.hosts={tall.school.example}');
      const paths: { path: string; backend: { service: { name: string } } }[] = find(rendered, 'Ingress', 'tall').spec.rules[0].http.paths;
      const backendOf = Object.fromEntries(paths.map((path) => [path.path, path.backend.service.name]));
      expect(backendOf).toEqual({ '/api/v1/progress': 'tall-progress', '/api/v1/teacher': 'tall-progress', '/': 'tall' });
      expect(find(rendered, 'ConfigMap', 'tall').data?.PUBLIC_URL).toBe('http://tall.school.example');
    });

    it('renders the ServiceMonitor and the PrometheusRule with the rules of deploy/monitoring', async () => {
      const monitorsOn = ['--set', 'monitoring.serviceMonitor.enabled=true', '--set', 'monitoring.prometheusRule.enabled=true'];
      const rendered = await template(...monitorsOn, '--set', 'existingSecrets.metricsToken.name=tall-metrics', '--set', 'existingSecrets.opsApiToken.name=tall-ops');
      const monitor = find(rendered, 'ServiceMonitor', 'tall');
      // /metrics answers 401 without a token: the scrape presents METRICS_TOKEN, or OPS_API_TOKEN when that is the only one.
      expect(monitor.spec.endpoints[0]).toMatchObject({
        port: 'http',
        path: '/metrics',
        honorLabels: true,
        authorization: { type: 'Bearer', credentials: { name: 'tall-metrics', key: 'token' } },
      });
      const opsOnly = find(await template(...monitorsOn, '--set', 'existingSecrets.opsApiToken.name=tall-ops'), 'ServiceMonitor', 'tall');
      expect(opsOnly.spec.endpoints[0].authorization).toEqual({ type: 'Bearer', credentials: { name: 'tall-ops', key: 'token' } });
      const untokened = await run(helm, ['template', RELEASE, chart, '--namespace', NAMESPACE, ...monitorsOn], helmEnv);
      expect(untokened.code).not.toBe(0);
      expect(untokened.stderr).toMatch(/existingSecrets\.metricsToken/);
      // The public services are scraped; the internal ones (no /metrics there) are left out.
      const expressions: { key: string; operator: string; values: string[] }[] = monitor.spec.selector.matchExpressions ?? [];
      expect(expressions.every((expression) => expression.operator === 'NotIn')).toBe(true);
      const scraped = (labels: Record<string, string>) =>
        selects(monitor.spec.selector.matchLabels, labels) && expressions.every((expression) => !expression.values.includes(labels[expression.key]));
      const services = rendered.filter((object) => object.kind === 'Service');
      expect(services.filter((service) => scraped(service.metadata.labels ?? {})).map((service) => service.metadata.name)).toEqual(['tall', 'tall-progress']);
      expect(services.map((service) => service.metadata.name)).toEqual(['tall', 'tall-internal', 'tall-progress', 'tall-progress-internal']);
      const rules: RuleFile = parse(readFileSync(join(monitoring, 'prometheus/tall-alerts.rules.yml'), 'utf8'));
      expect(find(rendered, 'PrometheusRule', 'tall').spec.groups).toEqual(rules.groups);
      expect((await template()).map((object) => object.kind)).not.toEqual(expect.arrayContaining(['ServiceMonitor']));
    });

    it.each([
      ['an unknown value', ['--set', 'replicas=3'], /additional properties 'replicas' not allowed/],
      ['the local storage driver', ['--set', 'storage.driver=local'], /storage\/driver/],
      ['a secret set as plain configuration', ['--set', 'config.DATABASE_URL=postgres://x'], /DATABASE_URL/],
      ['no memory limit', ['--set', 'api.resources.limits.memory=null'], /missing property 'memory'/],
      ['a broker without a port', ['--set', 'kafka.brokers={kafka}'], /kafka\/brokers\/0/],
      ['zero replicas', ['--set', 'extraction.replicaCount=0'], /replicaCount/],
      ['an ingress without a host', ['--set', 'ingress.enabled=true'], /ingress\/hosts.*minItems/],
      ['trusting every proxy', ['--set-string', 'trustProxy=true'], /trustProxy/],
      ['TRUST_PROXY set as plain configuration', ['--set', 'config.TRUST_PROXY=2'], /TRUST_PROXY/],
      ['INTERNAL_PORT set as plain configuration', ['--set', 'api.env.INTERNAL_PORT=4000'], /INTERNAL_PORT/],
    ])('refuses %s at lint (values.schema.json)', async (_case, args, message) => {
      const result = await lint(...args);
      expect(result.code).not.toBe(0);
      expect(result.stdout + result.stderr).toMatch(message);
    });

    it('refuses an extraction without Kafka brokers at lint', async () => {
      const result = await lint('-f', valuesFile('no-kafka', 'kafka:\n  brokers: []\n'));
      expect(result.code).not.toBe(0);
      expect(result.stdout + result.stderr).toMatch(/kafka\/brokers.*minItems/);
      // Without the extraction, events stay in-process and no broker is needed.
      expect((await lint('-f', valuesFile('single', 'kafka:\n  brokers: []\nextraction:\n  enabled: false\n'))).code).toBe(0);
    });

    it('keeps the internal listener inside the cluster whatever the public service type, and apart from the public port', async () => {
      const rendered = await template('--set', 'service.type=LoadBalancer', '--set', 'ingress.enabled=true', '--set', 'ingress.hosts={tall.school.example}');
      expect(find(rendered, 'Service', 'tall').spec.type).toBe('LoadBalancer');
      for (const name of ['tall-internal', 'tall-progress-internal']) expect(find(rendered, 'Service', name).spec.type).toBe('ClusterIP');
      const backends = find(rendered, 'Ingress', 'tall').spec.rules[0].http.paths.map((path: { backend: { service: { name: string; port: { name: string } } } }) => path.backend.service);
      expect(backends.every((backend: { name: string; port: { name: string } }) => !backend.name.endsWith('-internal') && backend.port.name === 'http')).toBe(true);
      const samePort = await run(helm, ['template', RELEASE, chart, '--set', 'service.internalPort=3000'], helmEnv);
      expect(samePort.code).not.toBe(0);
      expect(samePort.stderr).toMatch(/service.internalPort must differ from service.port/);
    });

    it('refuses to render an extraction of a module the image does not have', async () => {
      const result = await run(helm, ['template', RELEASE, chart, '--set', 'extraction.modules={billing}'], helmEnv);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/extraction.modules names "billing"/);
    });
  });

  describe('the Prometheus rules', () => {
    it('pass promtool check rules and the unit tests of tall-alerts.test.yml', async () => {
      const prometheus = join(monitoring, 'prometheus');
      expect(await succeeded(promtool, ['check', 'rules', join(prometheus, 'tall-alerts.rules.yml')])).toMatch(/SUCCESS: \d+ rules found/);
      expect(await succeeded(promtool, ['test', 'rules', join(prometheus, 'tall-alerts.test.yml')])).toMatch(/SUCCESS/);
    });

    it('test every alert in tall-alerts.test.yml', () => {
      const rules: RuleFile = parse(readFileSync(join(monitoring, 'prometheus/tall-alerts.rules.yml'), 'utf8'));
      const tests = parse(readFileSync(join(monitoring, 'prometheus/tall-alerts.test.yml'), 'utf8'));
      const tested = new Set<string>(
        tests.tests.flatMap((test: { alert_rule_test?: { alertname: string }[] }) => (test.alert_rule_test ?? []).map((check) => check.alertname)),
      );
      const alerts = rules.groups.flatMap((group) => group.rules.map((rule) => rule.alert)).filter((alert): alert is string => Boolean(alert));
      expect(alerts.filter((alert) => !tested.has(alert))).toEqual([]);
    });
  });

  describe('the Grafana dashboards', () => {
    const files = readdirSync(join(monitoring, 'grafana')).filter((file) => file.endsWith('.json'));
    const dashboards = (): [string, Dashboard][] => files.map((file) => [file, JSON.parse(readFileSync(join(monitoring, 'grafana', file), 'utf8'))]);

    it('are dashboards with a data source variable and a query in every panel', () => {
      expect(files).toEqual(expect.arrayContaining(['tall-overview.json', 'tall-events.json']));
      const uids = new Set<string>();
      for (const [file, dashboard] of dashboards()) {
        expect({ file, uid: typeof dashboard.uid, schemaVersion: typeof dashboard.schemaVersion }).toEqual({ file, uid: 'string', schemaVersion: 'number' });
        expect(uids.has(dashboard.uid)).toBe(false);
        uids.add(dashboard.uid);
        expect(dashboard.templating.list).toContainEqual(expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }));
        const panels = dashboard.panels.filter((panel) => panel.type !== 'row');
        expect(panels.length).toBeGreaterThan(0);
        for (const panel of panels) {
          const where = `${file}: ${panel.title}`;
          expect({ where, datasource: panel.datasource }).toEqual({ where, datasource: { type: 'prometheus', uid: '${datasource}' } });
          expect({ where, queries: (panel.targets ?? []).length > 0 }).toEqual({ where, queries: true });
          for (const target of panel.targets ?? []) expect({ where, expr: Boolean(target.expr?.trim()) }).toEqual({ where, expr: true });
          expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
        }
      }
    });
  });

  it('use only metrics the app exports (its own, and prom-client default metrics)', async () => {
    const exported = new Set([...exportedByTheApp(), ...(await defaultMetrics())]);
    expect(exported).toContain('process_resident_memory_bytes');
    expect(exported).toContain('tall_http_request_duration_seconds_bucket');

    const used = new Map<string, string>();
    const rules: RuleFile = parse(readFileSync(join(monitoring, 'prometheus/tall-alerts.rules.yml'), 'utf8'));
    for (const group of rules.groups) for (const rule of group.rules) for (const name of metricsIn(rule.expr)) used.set(name, `rule ${rule.alert ?? rule.record}`);
    for (const file of readdirSync(join(monitoring, 'grafana')).filter((name) => name.endsWith('.json'))) {
      const dashboard: Dashboard = JSON.parse(readFileSync(join(monitoring, 'grafana', file), 'utf8'));
      for (const panel of dashboard.panels) {
        for (const target of panel.targets ?? []) for (const name of metricsIn(target.expr ?? '')) used.set(name, `${file}: ${panel.title}`);
      }
      for (const variable of dashboard.templating.list) {
        const query = typeof variable.query === 'string' ? variable.query : (variable.query as { query?: string } | null)?.query;
        if (variable.type === 'query' && query) for (const name of metricsIn(query)) used.set(name, `${file}: variable ${variable.name}`);
      }
    }
    expect(used.size).toBeGreaterThan(10);
    const unknown = [...used].filter(([name]) => !exported.has(name)).map(([name, where]) => `${name} (${where})`);
    expect(unknown).toEqual([]);
  });
});
