import { register } from 'prom-client';
import type { MasterKeyVersionInfo } from '@tall/pii/application';
import { MasterKeyMetrics } from './master-key-metrics';

const DAY_MS = 86_400_000;
const START = Date.parse('2025-06-01T00:00:00Z');

/** The versions table as the repository returns it; `fail` makes the next reads reject. */
class VersionsTable {
  rows: MasterKeyVersionInfo[] = [];
  reads = 0;
  fail = false;

  async versions(): Promise<MasterKeyVersionInfo[]> {
    this.reads++;
    if (this.fail) throw new Error('database away');
    return this.rows.map((row) => ({ ...row }));
  }
}

async function scraped(name: string): Promise<number | undefined> {
  const metric = register.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  const { values } = await metric.get();
  return values[0]?.value;
}

function version(versionId: string, createdAt: number, retiredAt: number | null = null): MasterKeyVersionInfo {
  return { versionId, createdAt: new Date(createdAt), retiredAt: retiredAt === null ? null : new Date(retiredAt) };
}

describe('MasterKeyMetrics', () => {
  let now: number;
  let table: VersionsTable;
  let metrics: MasterKeyMetrics;

  beforeEach(() => {
    now = START;
    table = new VersionsTable();
    metrics = new MasterKeyMetrics(table, () => now).publish();
  });

  it('reports the age of the newest version and the versions not retired, from the shared table', async () => {
    table.rows = [version('v1', START - 100 * DAY_MS, START - 99 * DAY_MS), version('v2', START - 10 * DAY_MS), version('v3', START - 2 * DAY_MS)];
    await metrics.refresh();

    expect(await scraped('tall_pii_master_key_age_seconds')).toBe((2 * DAY_MS) / 1000);
    expect(await scraped('tall_pii_master_key_versions')).toBe(2);
    // The age grows between reads of the table.
    now += DAY_MS;
    expect(await scraped('tall_pii_master_key_age_seconds')).toBe((3 * DAY_MS) / 1000);
  });

  it('answers a scrape with what it knows, reading the table again in the background once a minute', async () => {
    table.rows = [version('v1', START - 95 * DAY_MS)];
    await metrics.refresh();
    // Another instance rotates: a new version, the old one still live while data keys are re-wrapped.
    table.rows.push(version('v2', START));

    expect(await scraped('tall_pii_master_key_versions')).toBe(1);
    expect(table.reads).toBe(1);

    now += 60_000;
    expect(await scraped('tall_pii_master_key_versions')).toBe(1);
    expect(table.reads).toBe(2);
    await new Promise(setImmediate); // the background read settles
    expect(await scraped('tall_pii_master_key_versions')).toBe(2);
    expect(await scraped('tall_pii_master_key_age_seconds')).toBe(60);
    expect(table.reads).toBe(2);
  });

  it('keeps the last numbers when the table cannot be read, and 0 (unknown) before it ever was', async () => {
    table.fail = true;
    await expect(metrics.refresh()).resolves.toBeUndefined();
    // A label-less gauge without a value shows 0: "unknown", which the alert rules take max over.
    expect(await scraped('tall_pii_master_key_age_seconds')).toBe(0);

    table.fail = false;
    table.rows = [version('v1', START - DAY_MS)];
    await metrics.refresh();
    table.fail = true;
    await metrics.refresh();
    expect(await scraped('tall_pii_master_key_age_seconds')).toBe(DAY_MS / 1000);
  });

  it('reports the key ring that published last, on one metric per name', async () => {
    const other = new VersionsTable();
    other.rows = [version('w1', START - 5 * DAY_MS), version('w2', START - DAY_MS)];
    await new MasterKeyMetrics(other, () => now).publish().refresh();

    expect(await scraped('tall_pii_master_key_versions')).toBe(2);
    expect(register.getMetricsAsArray().filter((metric) => metric.name.startsWith('tall_pii_master_key_'))).toHaveLength(2);
  });
});
