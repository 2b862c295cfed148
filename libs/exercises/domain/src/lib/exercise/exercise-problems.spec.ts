import { BUCKETS, CLOZE, MATCH, ORDER } from '../../test-support/sample-exercises';
import type { Exercise } from './exercise';
import { assertValidExercise, exerciseProblems, InvalidExerciseError } from './exercise-problems';

describe('exerciseProblems', () => {
  it('finds none in well-made exercises of every type', () => {
    expect([ORDER, MATCH, BUCKETS, CLOZE].map(exerciseProblems)).toEqual([[], [], [], []]);
  });

  it.each<[string, Exercise, RegExp]>([
    ['a cloze blank that is not in its sentence', { ...CLOZE, items: [{ id: 'i1', sentence: 'Ik woon in Utrecht.', blanks: [{ answer: 'werk' }] }, ...CLOZE.items.slice(1)] }, /i1: a blank's answer is not a word/],
    ['a cloze blank that is only part of a word', { ...CLOZE, items: [{ id: 'i1', sentence: 'Ik woon in Utrecht.', blanks: [{ answer: 'Utr' }] }, ...CLOZE.items.slice(1)] }, /i1: a blank/],
    ['cloze blanks out of order', { ...CLOZE, items: [CLOZE.items[0], { id: 'i2', sentence: 'Zij werkt in een café en zij fietst naar huis.', blanks: [{ answer: 'fietst' }, { answer: 'werkt' }] }, CLOZE.items[2]] }, /i2: a blank/],
    ['a word bank word that is an answer', { ...CLOZE, wordBank: { extra: ['Woon'] } }, /word bank: "Woon" is also an answer/],
    ['an item in a bucket not declared', { ...BUCKETS, items: [...BUCKETS.items.slice(0, 3), { id: 'i4', text: 'stoel', bucket: 'den' }] }, /i4: bucket "den" is not declared/],
    ['two options alike', { ...MATCH, items: [...MATCH.items.slice(0, 2), { id: 'i3', left: 'de kers', right: 'Pear' }] }, /two of a kind: option "Pear"/],
    ['an accepted order of other words', { ...ORDER, items: [{ ...ORDER.items[0], accepted: ['Morgen ga jij naar de markt.'] }, ...ORDER.items.slice(1)] }, /i1: "Morgen ga jij/],
    ['a sentence too short to build', { ...ORDER, items: [{ id: 'i1', sentence: 'Kom hier!' }, ...ORDER.items.slice(1)] }, /i1: 2 words/],
    ['items numbered out of turn', { ...MATCH, items: [MATCH.items[0], { ...MATCH.items[1], id: 'i3' }, { ...MATCH.items[2], id: 'i2' }] }, /item 2 has id i3/],
    ['fewer than three items (schema)', { ...MATCH, items: MATCH.items.slice(0, 2) }, /items/],
  ])('finds %s', (_case, exercise, problem) => {
    expect(exerciseProblems(exercise).join('\n')).toMatch(problem);
    expect(() => assertValidExercise(exercise)).toThrow(InvalidExerciseError);
  });
});
