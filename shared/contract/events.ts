/**
 * Events the services push to the UI (main → renderer).
 */
import { z } from 'zod';
import { proposedChangeSchema } from '../model/library';
import { queueSnapshotSchema } from '../queue/queue';

/** Progress of a long task (import, tailoring, download). */
export const taskProgressSchema = z.object({
  taskId: z.string(),
  kind: z.string(),
  step: z.string(),
  /** 0..1 when known. */
  fraction: z.number().min(0).max(1).nullable(),
  detail: z.string(),
});
export type TaskProgress = z.infer<typeof taskProgressSchema>;

/** A change the tailoring proposed, sent as soon as it is checked (before the run ends). */
export const tailorChangeEventSchema = z.object({
  taskId: z.string(),
  change: proposedChangeSchema,
});
export type TailorChangeEvent = z.infer<typeof tailorChangeEventSchema>;

/** The contract's events. Subscribing is `on<Name>(callback) → unsubscribe`. */
export const EVENTS = {
  taskProgress: { channel: 'app:event.taskProgress', payload: taskProgressSchema },
  tailorChange: { channel: 'app:event.tailorChange', payload: tailorChangeEventSchema },
  /** The job queue changed: a job was queued, started, made progress or finished. */
  queueChanged: { channel: 'app:event.queueChanged', payload: queueSnapshotSchema },
} as const;

/** Name of a contract event. */
export type EventName = keyof typeof EVENTS;
/** Payload of an event. */
export type EventPayload<E extends EventName> = z.output<(typeof EVENTS)[E]['payload']>;
/** All event names. */
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

/** The API property that subscribes to an event: `taskProgress` → `onTaskProgress`. */
export function subscriberName<E extends EventName>(event: E): `on${Capitalize<E>}` {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as `on${Capitalize<E>}`;
}
