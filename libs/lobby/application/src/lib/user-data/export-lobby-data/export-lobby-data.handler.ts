import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';
import { LOBBY_STORE, type LobbyStore } from '../../ports/lobby-store.port';
import { ExportLobbyDataQuery } from './export-lobby-data.query';

/** The learned role and the last place visited, with a statement when the lobby holds neither. */
@QueryHandler(ExportLobbyDataQuery)
export class ExportLobbyDataHandler implements IQueryHandler<ExportLobbyDataQuery> {
  constructor(@Inject(LOBBY_STORE) private readonly store: LobbyStore) {}

  async execute({ userId }: ExportLobbyDataQuery): Promise<UserDataSection> {
    const [role, context] = await Promise.all([this.store.roleOf(userId), this.store.context(userId)]);
    return {
      context: 'lobby',
      data: {
        ...(role ? { role } : {}),
        ...(context ? { lastVisited: { product: context.product, location: context.location, at: context.at.toISOString() } } : {}),
      },
      purposes: ['Showing you the products your role may open', 'Letting you continue where you left off'],
      retention: 'Until your role changes again or your account is erased; the last place visited is overwritten on every visit.',
      recipients: ['Only you'],
      ...(role || context ? {} : { statement: 'The lobby holds nothing about you.' }),
    };
  }
}
