import type { UserDataSection } from '@tall/platform/call-contracts';
import { IncompleteExportError } from './pii-errors';
import { UserDataExportCollector } from './user-data-export.collector';

const section = (context: string): UserDataSection => ({ context, data: {}, purposes: ['p'], retention: 'r', recipients: [] });

describe('UserDataExportCollector', () => {
  it('has one section per module of the catalog, in catalog order', async () => {
    const collector = new UserDataExportCollector(['system', 'profile', 'pii'], async (module) => section(module));
    const document = await collector.collect('u-1');
    expect(document.sections.map((part) => part.context)).toEqual(['system', 'profile', 'pii']);
    expect(document).toMatchObject({ format: 'tall.user-data-export.v1', userId: 'u-1' });
  });

  it('fails when a module does not answer, or answers for another', async () => {
    const missing = new UserDataExportCollector(['system', 'lobby'], async (module) => {
      if (module === 'lobby') throw new Error('no provider for lobby.exportUserData');
      return section(module);
    });
    await expect(missing.collect('u-1')).rejects.toThrow(/lobby/);
    const impostor = new UserDataExportCollector(['lobby'], async () => section('system'));
    await expect(impostor.collect('u-1')).rejects.toBeInstanceOf(IncompleteExportError);
  });
});
