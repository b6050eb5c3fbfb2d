/**
 * Tailoring and cover letters: the use cases the app and the command line call.
 */
export {
  tailorCv,
  type TailorOptions,
  type TailorProgress,
  type TailorResult,
  type TailorStep,
  type SentSummary,
} from './pipeline';
export {
  writeLetter,
  type LetterProgress,
  type LetterResult,
  type LetterStep,
  type WriteLetterOptions,
} from './letter';
