/**
 * Human wording of findings, for the review screen and the command line.
 */
import { assertNever } from '../errors';
import type { FindingKind, TruthFinding } from './types';

/** A short noun for each kind, as a person would say it. */
export function findingKindLabel(kind: FindingKind): string {
  switch (kind) {
    case 'number':
      return 'Changed number';
    case 'date':
      return 'Changed date';
    case 'organisation':
      return 'New organisation';
    case 'title':
      return 'New job title';
    case 'degree':
      return 'New degree';
    case 'institution':
      return 'New institution';
    case 'certification':
      return 'New certification';
    case 'skill':
      return 'New skill';
    case 'contact':
      return 'Changed contact detail';
    case 'scope':
      return 'Inflated scope';
    case 'claim':
      return 'New claim';
    case 'new-claim':
      return 'Not in your CV';
    case 'from-posting':
      return 'Only in the posting';
    default:
      return assertNever(kind);
  }
}

/**
 * One line that says what is wrong, where, and what happens next.
 *
 * e.g. `Changed number in work[0].highlights[1]: Percentage "45%" is not in the original text.
 * It will be put back as it was.`
 */
export function describeFinding(finding: TruthFinding): string {
  const action =
    finding.severity === 'revert'
      ? 'It will be put back as it was.'
      : 'Keep it only if it is true, otherwise remove it.';
  const message = finding.message.endsWith('.') ? finding.message : `${finding.message}.`;
  return `${findingKindLabel(finding.kind)} in ${finding.path}: ${message} ${action}`;
}
