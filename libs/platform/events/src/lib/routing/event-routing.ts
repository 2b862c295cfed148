import type { EventHandler } from '../bus/event-handler';

/** What a module publishes, declared by every module whether hosted here or not. */
export interface ModuleManifest {
  name: string;
  /** Topics this module owns and publishes (from its outbox). */
  publishes: readonly string[];
}

/**
 * How a handler's topics reach it in this process: from the local bus when the publishing
 * module runs here (the relay dispatches straight from the outbox), otherwise from Kafka in
 * the subscribing module's consumer group.
 */
export interface HandlerRoute {
  handler: string;
  module: string;
  localTopics: string[];
  kafkaTopics: string[];
  /** Consumer group of the subscribing module, `tall.<module>`. */
  groupId: string;
}

export function consumerGroupOf(moduleName: string): string {
  return `tall.${moduleName}`;
}

/**
 * The modules this process hosts, from the `MODULES` variable: `all` (or unset) means every
 * module, otherwise a comma-separated list of known module names.
 */
export function parseHostedModules(value: string | undefined, modules: readonly ModuleManifest[]): string[] {
  const known = modules.map((module) => module.name);
  const text = (value ?? '').trim();
  if (text === '' || text === 'all') return known;
  const names = [...new Set(text.split(',').map((name) => name.trim()).filter(Boolean))];
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new Error(`MODULES names unknown modules: ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return names;
}

export class EventRouting {
  private readonly publisherOfTopic = new Map<string, string>();
  private readonly hosted: ReadonlySet<string>;

  constructor(
    modules: readonly ModuleManifest[],
    hostedModules: readonly string[],
    private readonly kafkaAvailable: boolean,
  ) {
    const names = new Set<string>();
    for (const module of modules) {
      if (names.has(module.name)) throw new Error(`Module ${module.name} is declared twice`);
      names.add(module.name);
      for (const topic of module.publishes) {
        const owner = this.publisherOfTopic.get(topic);
        if (owner) throw new Error(`Topic ${topic} is published by both ${owner} and ${module.name}; a topic has one owner`);
        this.publisherOfTopic.set(topic, module.name);
      }
    }
    const unknown = hostedModules.filter((name) => !names.has(name));
    if (unknown.length > 0) throw new Error(`Hosted modules without a manifest: ${unknown.join(', ')}`);
    this.hosted = new Set(hostedModules);
  }

  isHosted(moduleName: string): boolean {
    return this.hosted.has(moduleName);
  }

  publisherOf(topic: string): string | undefined {
    return this.publisherOfTopic.get(topic);
  }

  /** Topics the hosted modules publish: the relay produces them, so they must exist on Kafka. */
  hostedTopics(): string[] {
    return [...this.publisherOfTopic].filter(([, owner]) => this.hosted.has(owner)).map(([topic]) => topic);
  }

  /** Throws for a topic nobody publishes, or one only Kafka could bring when there is no Kafka. */
  route(moduleName: string, handler: Pick<EventHandler, 'name' | 'topics'>): HandlerRoute {
    if (!this.hosted.has(moduleName)) {
      throw new Error(`Handler ${handler.name} belongs to module ${moduleName}, which this process does not host`);
    }
    const route: HandlerRoute = {
      handler: handler.name,
      module: moduleName,
      localTopics: [],
      kafkaTopics: [],
      groupId: consumerGroupOf(moduleName),
    };
    for (const topic of handler.topics) {
      const publisher = this.publisherOfTopic.get(topic);
      if (!publisher) throw new Error(`Handler ${handler.name} subscribes to ${topic}, which no module publishes`);
      if (this.hosted.has(publisher)) {
        route.localTopics.push(topic);
      } else if (this.kafkaAvailable) {
        route.kafkaTopics.push(topic);
      } else {
        throw new Error(
          `Handler ${handler.name} needs ${topic} from module ${publisher}, which runs elsewhere, and no Kafka broker is configured`,
        );
      }
    }
    return route;
  }
}
