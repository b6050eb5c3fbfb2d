/**
 * The cover letter's structured shape and the choices that steer it.
 */
import { z } from 'zod';
import type { CoverLetter } from '../export/types';

/** Tones a letter can take. */
export const LETTER_TONES = ['formal', 'warm', 'direct'] as const;
/** A letter's tone. */
export type LetterTone = (typeof LETTER_TONES)[number];

/** Lengths a letter can have. */
export const LETTER_LENGTHS = ['short', 'standard'] as const;
/** A letter's length. */
export type LetterLength = (typeof LETTER_LENGTHS)[number];

/** Paragraph counts and words per paragraph for each length. */
export const LENGTH_SHAPES: Record<
  LetterLength,
  { minParagraphs: number; maxParagraphs: number; wordsPerParagraph: number }
> = {
  short: { minParagraphs: 2, maxParagraphs: 3, wordsPerParagraph: 60 },
  standard: { minParagraphs: 3, maxParagraphs: 5, wordsPerParagraph: 90 },
};

/** Zod schema of a letter as a model returns it. */
export const letterSchema = z.object({
  greeting: z.string(),
  paragraphs: z.array(z.string()),
  closing: z.string(),
});

/** A cover letter: greeting, body paragraphs, closing (the export service's shape). */
export type Letter = CoverLetter;

/** The JSON schema given to the model; length limits only where the generator enforces them. */
export function letterJsonSchema(length: LetterLength, withLengthLimits: boolean): Record<string, unknown> {
  const shape = LENGTH_SHAPES[length];
  const paragraph: Record<string, unknown> = { type: 'string' };
  const paragraphs: Record<string, unknown> = { type: 'array', items: paragraph };
  if (withLengthLimits) {
    paragraph.maxLength = shape.wordsPerParagraph * 12;
    paragraphs.minItems = shape.minParagraphs;
    paragraphs.maxItems = shape.maxParagraphs;
  }
  return {
    type: 'object',
    properties: {
      greeting: withLengthLimits ? { type: 'string', maxLength: 120 } : { type: 'string' },
      paragraphs,
      closing: withLengthLimits ? { type: 'string', maxLength: 160 } : { type: 'string' },
    },
    required: ['greeting', 'paragraphs', 'closing'],
    additionalProperties: false,
  };
}
