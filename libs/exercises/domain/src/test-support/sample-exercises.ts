import type { BucketsExercise, ClozeExercise, MatchExercise, OrderExercise } from '../lib/exercise/exercise';

const meta = { level: 'A1', topic: null, instructions: 'Doe de oefening.' } as const;

export const ORDER: OrderExercise = {
  ...meta,
  id: 'zinnen-op-de-markt',
  title: 'Op de markt',
  type: 'order',
  items: [
    { id: 'i1', sentence: 'Ik ga morgen naar de markt.', accepted: ['Morgen ga ik naar de markt.'], hint: 'I am going to the market tomorrow.' },
    { id: 'i2', sentence: 'De kaas is lekker.' },
    { id: 'i3', sentence: 'Is de vis vers?' },
  ],
};

export const MATCH: MatchExercise = {
  ...meta,
  id: 'fruit-koppelen',
  title: 'Fruit',
  type: 'match',
  items: [
    { id: 'i1', left: 'de appel', right: 'apple' },
    { id: 'i2', left: 'de peer', right: 'pear' },
    { id: 'i3', left: 'de kers', right: 'cherry' },
  ],
};

export const BUCKETS: BucketsExercise = {
  ...meta,
  id: 'de-of-het-thuis',
  title: 'De of het: thuis',
  type: 'buckets',
  buckets: [
    { id: 'de', label: 'de' },
    { id: 'het', label: 'het' },
  ],
  items: [
    { id: 'i1', text: 'huis', bucket: 'het' },
    { id: 'i2', text: 'tafel', bucket: 'de' },
    { id: 'i3', text: 'raam', bucket: 'het' },
    { id: 'i4', text: 'stoel', bucket: 'de' },
  ],
};

export const CLOZE: ClozeExercise = {
  ...meta,
  id: 'werkwoorden-invullen',
  title: 'Werkwoorden',
  type: 'cloze',
  items: [
    { id: 'i1', sentence: 'Ik woon in Utrecht.', blanks: [{ answer: 'woon' }], hint: 'to live' },
    { id: 'i2', sentence: "Zij werkt in een café en zij fietst naar huis.", blanks: [{ answer: 'werkt' }, { answer: 'fietst' }] },
    { id: 'i3', sentence: "Het is tien over half vijf.", blanks: [{ answer: 'half', accepted: ['½'] }] },
  ],
  wordBank: { extra: ['loopt'] },
};
