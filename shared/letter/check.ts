/**
 * The truth checks applied to a cover letter: the same checks as CV edits, with the whole CV as
 * the source. A sentence holding a number or date the CV does not support is removed outright;
 * other findings stay in the letter for the person to keep or remove.
 */
import type { Cv } from '../model/cv';
import { checkEdit, type TruthFinding, type VerifyOptions } from '../truth';
import type { Letter } from './schema';

/** The checked letter and what the checks found. */
export interface CheckedLetter {
  letter: Letter;
  /** Findings still in the letter (to review), then the ones whose sentence was removed. */
  findings: TruthFinding[];
  /** Sentences removed because they stated an unsupported number or date. */
  removed: string[];
}

/** Splits a paragraph into sentences with their offsets. */
export function sentenceRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let match: RegExpExecArray | null;
  let start = 0;
  // Break only where a sentence end is followed by whitespace, so "3.5" and "e.g." stay whole.
  const boundary = /[.!?]+["'”’)]*\s+/g;
  while ((match = boundary.exec(text)) !== null) {
    const end = match.index + match[0].length;
    if (text.slice(start, end).trim()) ranges.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) ranges.push({ start, end: text.length });
  return ranges;
}

interface CheckContext extends VerifyOptions {
  cv: Cv;
}

/**
 * The CV as the letter's source of facts: without the street address and postal code, whose
 * digits would otherwise count as evidence for any number ("12 Fenwick Lane" backing "a team of
 * 12").
 */
function factsCv(cv: Cv): Cv {
  const location = cv.basics?.location;
  if (!location) return cv;
  const rest = { ...location };
  delete rest.address;
  delete rest.postalCode;
  return { ...cv, basics: { ...cv.basics, location: rest } };
}

function check(context: CheckContext, text: string, path: string): TruthFinding[] {
  if (!text.trim()) return [];
  // No original: a letter rewrites nothing, so every claim is judged against the whole CV.
  return checkEdit({
    original: '',
    replacement: text,
    path,
    sourceCv: context.cv,
    jobText: context.jobText,
    knownSkills: context.knownSkills,
    skillAliases: context.skillAliases,
    lexicon: context.lexicon,
  });
}

const isFormulaFact = (finding: TruthFinding): boolean =>
  finding.kind === 'contact' || finding.kind === 'number' || finding.kind === 'date';

/**
 * Checks every part of a letter against the CV; sentences about applying may name the posting's
 * own terms without claiming them.
 */
export function checkLetter(
  letter: Letter,
  options: VerifyOptions & { cv: Cv; fallbackGreeting: string },
): CheckedLetter {
  const context: CheckContext = { ...options, cv: factsCv(options.cv) };
  const kept: TruthFinding[] = [];
  const reverted: TruthFinding[] = [];
  const removed: string[] = [];
  const paragraphs: string[] = [];
  for (const paragraph of letter.paragraphs) {
    const path = `letter.paragraphs[${paragraphs.length}]`;
    const findings = check(context, paragraph, path);
    const reverting = findings.filter((finding) => finding.severity === 'revert');
    if (reverting.length === 0) {
      if (paragraph.trim()) paragraphs.push(paragraph.trim());
      kept.push(...findings);
      continue;
    }
    reverted.push(...reverting);
    const sentences = sentenceRanges(paragraph).filter((range) => {
      const isBad = reverting.some(
        (finding) => finding.span.start < range.end && finding.span.end > range.start,
      );
      if (isBad) removed.push(paragraph.slice(range.start, range.end).trim());
      return !isBad;
    });
    const cleaned = sentences
      .map((range) => paragraph.slice(range.start, range.end).trim())
      .join(' ')
      .trim();
    if (!cleaned) continue;
    // Offsets changed with the removal: check the cleaned paragraph again for accurate spans.
    const again = check(context, cleaned, path);
    const stillReverting = again.some((finding) => finding.severity === 'revert');
    if (stillReverting) {
      removed.push(cleaned);
      reverted.push(...again.filter((finding) => finding.severity === 'revert'));
      continue;
    }
    paragraphs.push(cleaned);
    kept.push(...again);
  }
  let greeting = letter.greeting.trim();
  // Greeting and closing are formulas: only their contact details and numbers are facts.
  const greetingFindings = check(context, greeting, 'letter.greeting').filter(isFormulaFact);
  if (greetingFindings.some((finding) => finding.severity === 'revert') || !greeting) {
    reverted.push(...greetingFindings.filter((finding) => finding.severity === 'revert'));
    greeting = options.fallbackGreeting;
  } else kept.push(...greetingFindings);
  const closing = letter.closing.trim();
  const closingFindings = check(context, closing, 'letter.closing').filter(isFormulaFact);
  kept.push(...closingFindings);
  return { letter: { greeting, paragraphs, closing }, findings: [...kept, ...reverted], removed };
}
