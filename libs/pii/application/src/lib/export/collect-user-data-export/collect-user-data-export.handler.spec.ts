import type { UserDataSection } from '@tall/platform/call-contracts';
import { InMemoryPii, TestClock } from '../../testing/in-memory-pii';
import type { UserDataSources } from '../../ports/user-data-sources.port';
import { CollectUserDataExportHandler } from './collect-user-data-export.handler';
import { CollectUserDataExportQuery } from './collect-user-data-export.query';

const section = (context: string): UserDataSection => ({ context, data: {}, purposes: ['p'], retention: 'r', recipients: [] });

describe('CollectUserDataExportHandler', () => {
  let store: InMemoryPii;
  const collect = (sources: UserDataSources) => new CollectUserDataExportHandler(store, sources, new TestClock()).execute(new CollectUserDataExportQuery('u-1'));

  beforeEach(() => {
    store = new InMemoryPii();
  });

  it('has one section per module of the catalog, in catalog order', async () => {
    const document = await collect({ modules: ['system', 'profile', 'pii'], exportOf: async (module) => section(module) });
    expect(document.sections.map((part) => part.context)).toEqual(['system', 'profile', 'pii']);
    expect(document).toMatchObject({ format: 'tall.user-data-export.v1', userId: 'u-1' });
  });

  it('fails when a module does not answer, or answers for another', async () => {
    const missing = collect({
      modules: ['system', 'lobby'],
      exportOf: async (module) => {
        if (module === 'lobby') throw new Error('no provider for lobby.exportUserData');
        return section(module);
      },
    });
    await expect(missing).rejects.toThrow(/lobby/);
    await expect(collect({ modules: ['lobby'], exportOf: async () => section('system') })).rejects.toMatchObject({ code: 'EXPORT_INCOMPLETE' });
  });

  it('answers erased for an erased user, asking no context', async () => {
    await store.shred({ userId: 'u-1', erasedAt: new Date(), reason: 'self-erasure' }, []);
    const asked: string[] = [];
    const exported = collect({ modules: ['profile'], exportOf: async (module) => (asked.push(module), section(module)) });
    await expect(exported).rejects.toMatchObject({ code: 'PII_ERASED' });
    expect(asked).toEqual([]);
  });
});
