import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBackwardIncompatibilities, type RegisteredSchema } from '@tall/platform/event-contracts';
import { eventRegistry } from './event-contracts';

/**
 * The contract test. `event-schemas.lock.json` holds every published schema version; a change
 * must keep old events readable. After a compatible change: `npm run events:lock`.
 */
const lockPath = join(__dirname, 'event-schemas.lock.json');
const current = eventRegistry.schemas();
const id = (schema: Pick<RegisteredSchema, 'type' | 'version'>) => `${schema.type}@v${schema.version}`;

if (process.env['UPDATE_EVENT_LOCK'] === '1') {
  writeFileSync(lockPath, `${JSON.stringify(current, null, 2)}\n`);
}

const locked: RegisteredSchema[] = existsSync(lockPath) ? JSON.parse(readFileSync(lockPath, 'utf8')) : [];

describe('event contracts', () => {
  it('has a lock file', () => {
    expect(locked.length).toBeGreaterThan(0);
  });

  it('never removes a published schema version', () => {
    const removed = locked.filter((schema) => !eventRegistry.get(schema.type, schema.version)).map(id);
    expect(removed).toEqual([]);
  });

  it('keeps each published version backward compatible with what was locked', () => {
    const problems = locked.flatMap((old) => {
      const now = current.find((schema) => id(schema) === id(old));
      return now ? findBackwardIncompatibilities(old.jsonSchema, now.jsonSchema).map((problem) => `${id(old)} ${problem}`) : [];
    });
    expect(problems).toEqual([]);
  });

  it('makes every new version backward compatible with the previous one', () => {
    const problems = current.flatMap((schema) => {
      const previous = current.find((candidate) => candidate.type === schema.type && candidate.version === schema.version - 1);
      if (schema.version > 1 && !previous) return [`${id(schema)} has no version ${schema.version - 1}`];
      return previous
        ? findBackwardIncompatibilities(previous.jsonSchema, schema.jsonSchema).map((problem) => `${id(schema)} ${problem}`)
        : [];
    });
    expect(problems).toEqual([]);
  });

  it('has the lock file up to date (run `npm run events:lock` after a reviewed change)', () => {
    expect(JSON.parse(JSON.stringify(current))).toEqual(locked);
  });

  it('keeps topic names versioned by major version', () => {
    // Two names from the school's specification carry no version.
    const unversioned = eventRegistry.topics().filter((topic) => !/\.v\d+$/.test(topic) && !['system.cron.weekly', 'pii.access.log'].includes(topic));
    expect(unversioned).toEqual([]);
  });
});
