/**
 * A word-level diff as inline text: insertions and deletions marked, findings highlighted.
 */
import type { DiffPart } from '../../../../shared/review/word-diff';

interface DiffTextProps {
  parts: readonly DiffPart[];
  /** Messages of the findings the parts refer to by index. */
  findings?: readonly string[];
}

/** Renders diff parts; screen readers hear "inserted" / "deleted" before marked words. */
export function DiffText({ parts, findings = [] }: DiffTextProps) {
  return (
    <>
      {parts.map((part, index) => {
        const flagged = part.finding !== undefined ? findings[part.finding] : undefined;
        const content = flagged ? (
          <mark className="finding-mark" title={flagged}>
            {part.text}
          </mark>
        ) : (
          part.text
        );
        if (part.kind === 'insert') {
          return (
            <ins key={index} className="diff-ins">
              {content}
            </ins>
          );
        }
        if (part.kind === 'delete') {
          return (
            <del key={index} className="diff-del">
              {content}
            </del>
          );
        }
        return <span key={index}>{content}</span>;
      })}
    </>
  );
}
