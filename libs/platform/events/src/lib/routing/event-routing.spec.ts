import { EventRouting, parseHostedModules, type ModuleManifest } from './event-routing';

const modules: ModuleManifest[] = [
  { name: 'profile', publishes: ['user.events.v2', 'user.security.v1'] },
  { name: 'pii', publishes: ['pii.access.log', 'user.pii.events.v1'] },
  { name: 'vocabulary', publishes: ['vocab.cards.v1', 'vocab.progress.v1'] },
  { name: 'progress', publishes: [] },
];
const handler = { name: 'progress.onActivity', topics: ['user.events.v2', 'vocab.cards.v1'] };

describe('EventRouting', () => {
  it('feeds every topic from the local bus when all modules run here', () => {
    const routing = new EventRouting(modules, parseHostedModules(undefined, modules), true);
    expect(routing.route('progress', handler)).toEqual({
      handler: 'progress.onActivity',
      module: 'progress',
      localTopics: ['user.events.v2', 'vocab.cards.v1'],
      kafkaTopics: [],
      groupId: 'tall.progress',
    });
  });

  it('feeds topics of modules hosted elsewhere from Kafka in the subscriber module group', () => {
    const routing = new EventRouting(modules, parseHostedModules('vocabulary,progress', modules), true);
    const route = routing.route('progress', handler);
    expect(route.localTopics).toEqual(['vocab.cards.v1']);
    expect(route.kafkaTopics).toEqual(['user.events.v2']);
    expect(route.groupId).toBe('tall.progress');
    expect(routing.hostedTopics().sort()).toEqual(['vocab.cards.v1', 'vocab.progress.v1']);
  });

  it('refuses routes that cannot be fed', () => {
    const split = new EventRouting(modules, ['progress'], false);
    expect(() => split.route('progress', handler)).toThrow(/no Kafka broker is configured/);
    const all = new EventRouting(modules, ['profile', 'progress'], true);
    expect(() => all.route('progress', { name: 'x', topics: ['nobody.v1'] })).toThrow(/no module publishes/);
    expect(() => all.route('vocabulary', { name: 'y', topics: ['user.events.v2'] })).toThrow(/does not host/);
  });

  it('refuses inconsistent manifests', () => {
    expect(() => new EventRouting([...modules, { name: 'other', publishes: ['user.events.v2'] }], [], true)).toThrow(
      /published by both profile and other/,
    );
    expect(() => new EventRouting(modules, ['lobby'], true)).toThrow(/without a manifest: lobby/);
  });

  it('parses MODULES', () => {
    expect(parseHostedModules('all', modules)).toEqual(['profile', 'pii', 'vocabulary', 'progress']);
    expect(parseHostedModules(' profile , pii ,profile', modules)).toEqual(['profile', 'pii']);
    expect(() => parseHostedModules('profile,lobby', modules)).toThrow(/unknown modules: lobby/);
  });
});
