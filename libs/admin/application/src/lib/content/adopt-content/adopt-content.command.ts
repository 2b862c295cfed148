import { Command } from '@nestjs/cqrs';
import type { AdoptionReport } from '../content-items';

/** Take over what the owners serve that Tall does not hold yet (the seed), at start. */
export class AdoptContentCommand extends Command<AdoptionReport> {}
