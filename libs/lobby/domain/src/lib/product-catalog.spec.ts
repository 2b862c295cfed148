import { USER_ROLES } from '@tall/profile/contracts';
import { lobbyView, PRODUCTS, ROLE_PRODUCTS } from './product-catalog';

const built = new Set(['profile', 'pii', 'system', 'lobby']);

describe('lobby product catalog', () => {
  it('shows each role its products, in the order of the specification', () => {
    expect(lobbyView('STUDENT', built).products.map((product) => product.key)).toEqual([
      'thematic-cards',
      'learning-cards',
      'reader',
      'listening',
      'exercises',
      'my-progress',
    ]);
    expect(lobbyView('TEACHER', built).products.map((product) => product.key)).toEqual(['my-students', 'content-preview']);
    expect(lobbyView('EDU_ADMIN', built).products.map((product) => product.key)).toEqual(['content-admin', 'users', 'all-students']);
    expect(lobbyView('TECH_ADMIN', built).products.map((product) => product.key)).toEqual(['operations', 'users']);
  });

  it('marks products of modules not built yet as coming soon', () => {
    const admin = lobbyView('TECH_ADMIN', built).products;
    expect(admin.every((product) => !product.comingSoon)).toBe(true);
    expect(lobbyView('STUDENT', built).products.every((product) => product.comingSoon)).toBe(true);
    expect(lobbyView('STUDENT', new Set([...built, 'reader'])).products.find((product) => product.key === 'reader')?.comingSoon).toBe(false);
  });

  it('offers to continue only where the role may still go', () => {
    const at = new Date('2025-01-01T10:00:00Z');
    expect(lobbyView('TECH_ADMIN', built, { product: 'users', location: '/admin/users?page=2', at }).continue).toEqual({
      product: 'users',
      location: '/admin/users?page=2',
      at: at.toISOString(),
    });
    expect(lobbyView('TEACHER', built, { product: 'users', location: '/admin/users', at }).continue).toBeUndefined();
  });

  it('covers every role and every product', () => {
    expect(Object.keys(ROLE_PRODUCTS).sort()).toEqual([...USER_ROLES].sort());
    const offered = new Set(Object.values(ROLE_PRODUCTS).flat());
    expect([...offered].sort()).toEqual(Object.keys(PRODUCTS).sort());
  });
});
