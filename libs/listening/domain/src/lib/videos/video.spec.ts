import { checkVideoDefinition, isMediaReady, questionsInOrder, subtitleLanguages, VideoDefinitionError, type MediaObject, type VideoQuestion } from './video';

const object = (key: string): MediaObject => ({ key, contentType: 'x/y', sizeBytes: 1, uploadedAt: new Date(0) });
const question = (fields: Partial<VideoQuestion> & Pick<VideoQuestion, 'id'>): VideoQuestion =>
  ({ kind: 'trueFalse', atSeconds: 1, prompt: 'Klopt dit?', answer: true, ...fields }) as VideoQuestion;

describe('a video', () => {
  it('is ready for students once its film, poster and Dutch subtitles are in place', () => {
    expect(isMediaReady({ video: object('v'), poster: object('p'), subtitles: { nl: object('s') } })).toBe(true);
    expect(isMediaReady({ video: object('v'), poster: object('p'), subtitles: { en: object('s') } })).toBe(false);
    expect(isMediaReady({ video: null, poster: object('p'), subtitles: { nl: object('s') } })).toBe(false);
    expect(isMediaReady({ video: object('v'), poster: null, subtitles: { nl: object('s') } })).toBe(false);
  });

  it('lists Dutch subtitles first', () => {
    expect(subtitleLanguages({ video: null, poster: null, subtitles: { uk: object('u'), en: object('e'), nl: object('n') } })).toEqual(['nl', 'en', 'uk']);
  });

  it('refuses questions twice, after the end, or with an answer beyond the options', () => {
    expect(() => checkVideoDefinition({ durationSeconds: 10, questions: [question({ id: 'q1' }), question({ id: 'q1' })] })).toThrow(/twice/);
    expect(() => checkVideoDefinition({ durationSeconds: 10, questions: [question({ id: 'q1', atSeconds: 10.5 })] })).toThrow(VideoDefinitionError);
    expect(() =>
      checkVideoDefinition({ durationSeconds: 10, questions: [{ id: 'q1', kind: 'multipleChoice', atSeconds: 2, prompt: 'Wie?', options: ['a', 'b'], answer: 2 }] }),
    ).toThrow(/0–1/);
    expect(() => checkVideoDefinition({ durationSeconds: 10, questions: [question({ id: 'q1', atSeconds: 10 }), question({ id: 'q2' })] })).not.toThrow();
  });

  it('orders questions by time, then by number', () => {
    expect(questionsInOrder([question({ id: 'q10', atSeconds: 2 }), question({ id: 'q2', atSeconds: 2 }), question({ id: 'q1', atSeconds: 3 })]).map((q) => q.id)).toEqual(['q2', 'q10', 'q1']);
  });
});
