import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { AUTH_REQUIREMENT, AuthGuard, type AuthRequirement } from '@tall/platform/auth';
import { loadConfig } from '@tall/platform/config';
import { CONTEXT_MODULES } from './context-modules';

/**
 * "Every controller of every module enforces roles": each route of every context says who may
 * call it — @Public(), @Authenticated(), @Roles() or @OpsAccess() — and the guarded ones carry
 * the AuthGuard. A new route without a decision fails here, before it ships.
 */
const config = loadConfig({ DATABASE_URL: 'postgres://tall@127.0.0.1:5432/tall', MONGODB_URI: 'mongodb://127.0.0.1:27017/tall' });

function controllersOf(entry: DynamicModule | Type, seen = new Set<unknown>()): Type[] {
  const dynamic = (entry as DynamicModule).module ? (entry as DynamicModule) : undefined;
  const type = dynamic?.module ?? (entry as Type);
  if (seen.has(entry)) return [];
  seen.add(entry);
  const controllers: Type[] = [...(Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, type) ?? []), ...(dynamic?.controllers ?? [])];
  const imports: Array<DynamicModule | Type> = [...(Reflect.getMetadata(MODULE_METADATA.IMPORTS, type) ?? []), ...((dynamic?.imports ?? []) as Array<DynamicModule | Type>)];
  return [...controllers, ...imports.filter(Boolean).flatMap((imported) => controllersOf(imported, seen))];
}

const routes = CONTEXT_MODULES.flatMap((context) =>
  controllersOf(context.module(config)).flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => ({ context: context.name, controller, name, handler: controller.prototype[name] as object }))
      .filter(({ handler }) => typeof handler === 'function' && Reflect.getMetadata(METHOD_METADATA, handler) !== undefined)
      .map((route) => ({
        ...route,
        path: [Reflect.getMetadata(PATH_METADATA, route.controller), Reflect.getMetadata(PATH_METADATA, route.handler)]
          .map((part: string) => part.replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .join('/'),
      })),
  ),
);

describe('route access', () => {
  it('finds the routes of the contexts', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it.each(routes.map((route) => [`${route.context}: ${route.controller.name}.${route.name} (${route.path})`, route] as const))('%s states who may call it', (_label, route) => {
    const requirement: AuthRequirement | undefined =
      Reflect.getMetadata(AUTH_REQUIREMENT, route.handler) ?? Reflect.getMetadata(AUTH_REQUIREMENT, route.controller);
    expect(requirement).toBeDefined();
    if (requirement?.kind === 'authenticated') {
      const guards = [...(Reflect.getMetadata(GUARDS_METADATA, route.handler) ?? []), ...(Reflect.getMetadata(GUARDS_METADATA, route.controller) ?? [])];
      expect(guards).toContain(AuthGuard);
    }
  });
});
