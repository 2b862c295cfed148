import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import { MongoClient, type Db } from 'mongodb';
import { UseCasesModule } from '@tall/platform/use-cases';
import { createEvent } from '@tall/platform/event-contracts';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { BUILT_MODULES, LOBBY_STORE, lobbyCommandHandlers } from '@tall/lobby/application';
import { ProfileTopics, UserCreated, UserDeleted, UserRoleChanged } from '@tall/profile/contracts';
import { MongoLobbyStore } from '../persistence/mongo-lobby-store';
import { LOBBY_ROLES_HANDLER, lobbyRolesHandler } from './lobby-roles.event-handler';

/** The adapter as the module wires it: through the CommandBus to the roles' command handlers and the MongoDB store. */
describe('the lobby’s role event handler (integration)', () => {
  let client: MongoClient;
  let db: Db;
  let store: MongoLobbyStore;
  let moduleRef: TestingModule;

  beforeAll(async () => {
    client = new MongoClient(stackEnv().MONGODB_URI);
    await client.connect();
    db = client.db(uniqueName('lobby_events_int'));
    store = new MongoLobbyStore(db);
    moduleRef = await Test.createTestingModule({
      imports: [UseCasesModule],
      providers: [...lobbyCommandHandlers, { provide: LOBBY_STORE, useValue: store }, { provide: BUILT_MODULES, useValue: ['profile'] }],
    }).compile();
    await moduleRef.init();
  });

  afterAll(async () => {
    await moduleRef?.close();
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
  });

  it('keeps its inbox name and listens to the user events it uses', () => {
    expect(LOBBY_ROLES_HANDLER).toBe('lobby.learnRoles');
    expect(lobbyRolesHandler(moduleRef.get(CommandBus))).toMatchObject({
      name: 'lobby.learnRoles',
      topics: [ProfileTopics.userEvents],
      types: ['user.created', 'user.roleChanged', 'user.deleted'],
    });
  });

  it('learns roles once per event and forgets erased users', async () => {
    const handler = lobbyRolesHandler(moduleRef.get(CommandBus));
    const userId = randomUUID();
    const meta = { key: userId, correlationId: 'test' };
    const created = createEvent(UserCreated, { userId, role: 'STUDENT', origin: 'registration', createdAt: new Date().toISOString() }, meta);
    await handler.handle(created);
    expect(await store.roleOf(userId)).toBe('STUDENT');
    await handler.handle(createEvent(UserRoleChanged, { userId, previousRole: 'STUDENT', role: 'TECH_ADMIN' }, meta));
    await handler.handle(created); // redelivered: already applied
    expect(await store.roleOf(userId)).toBe('TECH_ADMIN');

    await store.saveContext(userId, { product: 'users', location: '/admin/users', at: new Date() });
    await handler.handle(createEvent(UserDeleted, { userId, role: 'TECH_ADMIN', deletedAt: new Date().toISOString() }, meta));
    expect(await store.roleOf(userId)).toBeNull();
    expect(await store.context(userId)).toBeNull();
  });

  it('refuses a payload that breaks its contract, so the event is retried rather than lost', async () => {
    const handler = lobbyRolesHandler(moduleRef.get(CommandBus));
    const userId = randomUUID();
    const created = createEvent(UserCreated, { userId, role: 'STUDENT', origin: 'registration', createdAt: new Date().toISOString() }, { key: userId, correlationId: 'test' });
    await expect(handler.handle({ ...created, payload: { userId } })).rejects.toThrow();
    expect(await store.roleOf(userId)).toBeNull();
  });
});
