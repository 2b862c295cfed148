// Imported for its effect, first: see nullable-workaround.ts.
import { installNullableWorkaround } from './nullable-workaround';

installNullableWorkaround();
