/**
 * The sidebar's way to the job queue: "Queue", with how many jobs are still to go.
 */
import { useQueue } from '../../state/queue-context';
import '../../styles/queue.css';

/** The button beside Board in the sidebar's Jobs heading. */
export function QueueButton({ isCurrent, onOpen }: { isCurrent: boolean; onOpen: () => void }) {
  const pending = useQueue((state) =>
    state.snapshot ? state.snapshot.summary.waiting + state.snapshot.summary.running : 0,
  );
  const isRunning = useQueue((state) => (state.snapshot?.summary.running ?? 0) > 0);
  return (
    <button
      type="button"
      className={`small secondary board-button queue-button ${isCurrent ? 'active' : ''}`}
      aria-current={isCurrent ? 'page' : undefined}
      title="The job queue: tailor many postings one after another"
      onClick={onOpen}
    >
      Queue
      {pending > 0 && (
        <span className={`queue-badge ${isRunning ? 'is-running' : ''}`}>
          <span aria-hidden="true">{pending}</span>
          <span className="visually-hidden">, {pending} to go</span>
        </span>
      )}
    </button>
  );
}
