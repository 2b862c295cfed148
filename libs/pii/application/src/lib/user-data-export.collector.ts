import type { UserDataExport, UserDataSection } from '@tall/platform/call-contracts';
import { IncompleteExportError } from './pii-errors';

export const EXPORT_CONTROLLER = 'The school running Tall (data controller)';

/**
 * Builds the GDPR export from every context of the app's module catalog. Every section is
 * required: a context that fails or answers for another context fails the whole export, so
 * a user never receives an incomplete document that looks complete.
 */
export class UserDataExportCollector {
  constructor(
    private readonly modules: readonly string[],
    private readonly exportOf: (module: string, userId: string) => Promise<UserDataSection>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async collect(userId: string): Promise<UserDataExport> {
    const sections = await Promise.all(
      this.modules.map(async (module) => {
        const section = await this.exportOf(module, userId);
        if (section.context !== module) throw new IncompleteExportError(module, `it answered as ${section.context}`);
        return section;
      }),
    );
    return {
      format: 'tall.user-data-export.v1',
      userId,
      exportedAt: this.clock().toISOString(),
      controller: EXPORT_CONTROLLER,
      sections,
    };
  }
}
