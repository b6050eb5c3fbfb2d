/**
 * What a letter needs from a posting beyond the job analysis: the person to address.
 */

const LABEL =
  /(?:hiring manager|contact person|your contact|contact|recruiter|ansprechpartner(?:in)?|kontakt|interlocuteur|reports? to)\s*(?:is\b|:|-|–)\s*/iu;
// Case-sensitive on purpose: a name is one to four capitalised words, optionally with a title.
const NAME = /^((?:(?:Mr|Mrs|Ms|Mx|Dr|Herr|Frau|Mme)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})/u;

/** Words that look like a name after "contact:" but are not one. */
const NOT_NAMES = /^(?:Us|The|Our|Human|HR|Team|Recruiting|Talent|Careers?)\b/;

/**
 * The hiring manager or contact named in the posting ("Hiring manager: Dana Smith"); null when
 * none is named. Only labelled names count: guessing from any capitalised words would address
 * the letter to a product or a city.
 */
export function findHiringManager(jobText: string): string | null {
  for (const line of jobText.split(/\n/)) {
    const label = LABEL.exec(line);
    if (!label) continue;
    const match = NAME.exec(line.slice(label.index + label[0].length));
    if (!match || NOT_NAMES.test(match[1])) continue;
    return match[1].trim();
  }
  return null;
}
