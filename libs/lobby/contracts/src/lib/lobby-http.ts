import { z } from 'zod';
import { typedText } from '@tall/platform/text';

export const PRODUCT_KEYS = [
  'thematic-cards',
  'learning-cards',
  'reader',
  'listening',
  'exercises',
  'my-progress',
  'my-students',
  'content-preview',
  'content-admin',
  'users',
  'all-students',
  'operations',
] as const;
export const ProductKeySchema = z.enum(PRODUCT_KEYS);
export type ProductKey = z.infer<typeof ProductKeySchema>;

export const LobbyProductSchema = z.object({
  key: ProductKeySchema,
  title: z.string(),
  /** Client route that opens the product. */
  route: z.string(),
  /** Material Symbols icon name. */
  icon: z.string(),
  /** The product's module is not built yet: shown, but it cannot be opened. */
  comingSoon: z.boolean(),
});
export type LobbyProduct = z.infer<typeof LobbyProductSchema>;

export const NavigationContextSchema = z.object({ product: ProductKeySchema, location: z.string(), at: z.iso.datetime() });

export const LobbyViewSchema = z.object({
  products: z.array(LobbyProductSchema),
  /** Where the user left off, when that product is still theirs to open. */
  continue: NavigationContextSchema.optional(),
});
export type LobbyView = z.infer<typeof LobbyViewSchema>;

export const UpdateNavigationContextSchema = z.strictObject({
  product: ProductKeySchema,
  /** A location inside the product (a client route, e.g. `/read/texts/42`); never personal data. */
  location: typedText({ min: 1, max: 500 }),
});
export type UpdateNavigationContext = z.infer<typeof UpdateNavigationContextSchema>;
