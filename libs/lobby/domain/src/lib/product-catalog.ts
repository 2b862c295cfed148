import type { LobbyProduct, LobbyView, ProductKey } from '@tall/lobby/contracts';
import type { UserRole } from '@tall/profile/contracts';

interface ProductDefinition {
  title: string;
  route: string;
  icon: string;
  /** The bounded context that serves it; while that module is not built, the product is "coming soon". */
  module: string;
}

export const PRODUCTS: Record<ProductKey, ProductDefinition> = {
  'thematic-cards': { title: 'Thematic cards', route: '/learn/thematic-cards', icon: 'style', module: 'vocabulary' },
  'learning-cards': { title: 'Learning cards', route: '/learn/learning-cards', icon: 'school', module: 'vocabulary' },
  reader: { title: 'Reader', route: '/read', icon: 'menu_book', module: 'reader' },
  listening: { title: 'Listening', route: '/listen', icon: 'headphones', module: 'listening' },
  exercises: { title: 'Exercises', route: '/exercises', icon: 'extension', module: 'exercises' },
  'my-progress': { title: 'My progress', route: '/progress', icon: 'insights', module: 'progress' },
  'my-students': { title: 'My students', route: '/teacher/students', icon: 'groups', module: 'progress' },
  'content-preview': { title: 'Content preview', route: '/teacher/content', icon: 'preview', module: 'admin' },
  'content-admin': { title: 'Content admin', route: '/admin/content', icon: 'edit_note', module: 'admin' },
  users: { title: 'Users', route: '/admin/users', icon: 'manage_accounts', module: 'profile' },
  'all-students': { title: 'All students', route: '/admin/students', icon: 'diversity_3', module: 'progress' },
  operations: { title: 'Operations', route: '/ops', icon: 'monitor_heart', module: 'system' },
};

/** What each role may open, in the order the lobby shows it. */
export const ROLE_PRODUCTS: Record<UserRole, readonly ProductKey[]> = {
  STUDENT: ['thematic-cards', 'learning-cards', 'reader', 'listening', 'exercises', 'my-progress'],
  TEACHER: ['my-students', 'content-preview'],
  EDU_ADMIN: ['content-admin', 'users', 'all-students'],
  TECH_ADMIN: ['operations', 'users'],
};

export interface NavigationContext {
  product: ProductKey;
  location: string;
  at: Date;
}

export function mayOpen(role: UserRole, product: ProductKey, builtModules: ReadonlySet<string>): boolean {
  return ROLE_PRODUCTS[role].includes(product) && builtModules.has(PRODUCTS[product].module);
}

/** The lobby of a role: its products, and where the user left off when they may still go there. */
export function lobbyView(role: UserRole, builtModules: ReadonlySet<string>, context?: NavigationContext | null): LobbyView {
  const products: LobbyProduct[] = ROLE_PRODUCTS[role].map((key) => {
    const { title, route, icon, module } = PRODUCTS[key];
    return { key, title, route, icon, comingSoon: !builtModules.has(module) };
  });
  const resume = context && mayOpen(role, context.product, builtModules) ? context : null;
  return resume ? { products, continue: { product: resume.product, location: resume.location, at: resume.at.toISOString() } } : { products };
}
