import { z } from 'zod';

/** The seed videos' levels: the programme's first two (longer videos come from admins). */
export const SEED_VIDEO_LEVELS = ['A1', 'A2'] as const;

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');
const QuestionId = z.string().regex(/^q[1-9][0-9]?$/, 'q1, q2, …');
const Prompt = z.string().trim().min(3).max(300);
/** The question is asked when this sentence (1 = the first) has been spoken. */
const AfterSentence = z.int().min(1);

/** A timed question of a seed video; its answer stays on the server. */
export const SeedVideoQuestionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: QuestionId,
    kind: z.literal('multipleChoice'),
    afterSentence: AfterSentence,
    prompt: Prompt,
    options: z.array(z.string().trim().min(1).max(150)).min(3).max(5),
    /** Index of the right option. */
    answer: z.int().min(0),
  }),
  z.strictObject({ id: QuestionId, kind: z.literal('trueFalse'), afterSentence: AfterSentence, prompt: Prompt, answer: z.boolean() }),
  z.strictObject({
    id: QuestionId,
    kind: z.literal('shortAnswer'),
    afterSentence: AfterSentence,
    prompt: Prompt,
    /** Every answer accepted (case, spaces, apostrophes and a closing full stop forgiven). */
    answers: z.array(z.string().trim().min(1).max(80)).min(1).max(6),
  }),
]);
export type SeedVideoQuestion = z.infer<typeof SeedVideoQuestionSchema>;

/**
 * One video of the listening seed, written for Tall (`libs/listening/infrastructure/src/assets/
 * seed/videos/<nn>-<slug>.json`). The seed tool speaks each Dutch sentence with espeak-ng, times
 * the subtitles from the speech it measured, and asks each question once its sentence was spoken.
 * `background` colours the picture; `en` is the English subtitle of each sentence.
 */
export const SeedVideoSchema = z
  .strictObject({
    slug: Slug,
    title: z.string().trim().min(3).max(120),
    level: z.enum(SEED_VIDEO_LEVELS),
    /** A dictionary topic slug. */
    topic: Slug,
    background: z.string().regex(/^#[0-9a-f]{6}$/, 'a colour such as #2e7d32'),
    credit: z.string().trim().min(3).max(200),
    sentences: z.array(z.strictObject({ nl: z.string().trim().min(3).max(200), en: z.string().trim().min(3).max(200) })).min(3).max(8),
    questions: z.array(SeedVideoQuestionSchema).min(2).max(5),
  })
  .superRefine((video, context) => {
    const ids = new Set<string>();
    video.questions.forEach((question, index) => {
      if (ids.has(question.id)) context.addIssue({ code: 'custom', message: `question ${question.id} twice`, path: ['questions', index, 'id'] });
      ids.add(question.id);
      if (question.afterSentence > video.sentences.length) {
        context.addIssue({ code: 'custom', message: `the video has ${video.sentences.length} sentences`, path: ['questions', index, 'afterSentence'] });
      }
      if (question.kind === 'multipleChoice' && question.answer >= question.options.length) {
        context.addIssue({ code: 'custom', message: 'the answer is the index of one of the options', path: ['questions', index, 'answer'] });
      }
    });
  });
export type SeedVideo = z.infer<typeof SeedVideoSchema>;
