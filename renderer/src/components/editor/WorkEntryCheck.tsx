/**
 * The importer's note on a work entry it was unsure of, kept until what it names is fixed.
 */
import { checkMessage, workEntryProblems } from '../../../../shared/import/entry-checks';
import { useWorkspace } from '../../state/store-context';

/** "Check this entry: no job title was found." while the flagged entry at `index` still lacks it. */
export function WorkEntryCheck({ index }: { index: number }) {
  const check = useWorkspace((state) => {
    const work = state.draft?.work ?? [];
    const entry = work[index];
    const flagged = entry && state.openCv?.importReport?.checks?.some((item) => item.entryId === entry.id);
    return flagged ? checkMessage(workEntryProblems(entry, work)) : undefined;
  });
  if (!check) return null;
  return (
    <p className="entry-check" role="note">
      {check}
    </p>
  );
}
