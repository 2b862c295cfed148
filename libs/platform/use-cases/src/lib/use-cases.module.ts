import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import { CommandBus, EventBus, EventPublisher, QueryBus, UnhandledExceptionBus } from '@nestjs/cqrs';

/** Where @nestjs/cqrs's @CommandHandler / @QueryHandler keep the message a class handles. */
export const COMMAND_HANDLER_METADATA = '__commandHandler__';
export const QUERY_HANDLER_METADATA = '__queryHandler__';

/**
 * The command and query buses of @nestjs/cqrs, with every handler registered in `onModuleInit`.
 *
 * `CqrsModule` registers handlers only in its `onApplicationBootstrap`, which Nest may run after
 * the platform's own bootstrap hooks (the event relay, the Kafka consumers, the scheduler's
 * catch-up): an event or a job arriving in that window would find no handler. As a global
 * module this one initialises before every context module, so by the time any module's hooks run,
 * every use case can be executed. Import it once, in the root module (the app, a test app).
 */
@Global()
@Module({
  providers: [CommandBus, QueryBus, EventBus, UnhandledExceptionBus, EventPublisher],
  exports: [CommandBus, QueryBus, EventBus, UnhandledExceptionBus, EventPublisher],
})
export class UseCasesModule implements OnModuleInit {
  constructor(
    private readonly modules: ModulesContainer,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  onModuleInit(): void {
    this.commands.register(this.handlersWith(COMMAND_HANDLER_METADATA));
    this.queries.register(this.handlersWith(QUERY_HANDLER_METADATA));
  }

  private handlersWith(metadataKey: string): InstanceWrapper[] {
    const seen = new Set<unknown>();
    const handlers: InstanceWrapper[] = [];
    for (const module of this.modules.values()) {
      for (const wrapper of module.providers.values()) {
        const type = wrapper.metatype;
        // A handler provided by two modules (re-exported) is registered once.
        if (!type || typeof type !== 'function' || seen.has(type) || !Reflect.getMetadata(metadataKey, type)) continue;
        seen.add(type);
        handlers.push(wrapper);
      }
    }
    return handlers;
  }
}
