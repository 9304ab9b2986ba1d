import * as z from 'zod';

const invisibleOrControl = /[\p{Cc}\p{Cf}]/u;

/** Zod schemas shared by command option validation. Every option passes one before use. */
export const optionSchemas = {
  snowflake: z.string().regex(/^\d{17,20}$/, 'must be a Discord id'),
  episode: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(10_000, 'is too large'),
  /** A short label a member types (party names, titles): no control or invisible characters, no markup. */
  label: (maximumLength: number) =>
    z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(maximumLength, `must be at most ${maximumLength} characters`)
      .refine((value) => !invisibleOrControl.test(value), 'must not contain control or invisible characters')
      .refine((value) => !/[@<>`*_~|\\#[\]]/.test(value), 'must not contain @ < > ` * _ ~ | \\ # [ ]'),
  /** Free text that is searched or matched, never shown back verbatim without escaping. */
  query: (maximumLength: number) =>
    z
      .string()
      .max(maximumLength, `must be at most ${maximumLength} characters`)
      .transform((value) => value.replace(/[\p{Cc}\p{Cf}]/gu, '').trim())
      .pipe(z.string().min(1, 'must not be empty')),
};
