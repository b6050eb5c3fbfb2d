/**
 * The API the renderer talks to, derived from the method and event tables.
 */
import type { Envelope } from './envelope';
import type { EventName, EventPayload } from './events';
import type { MethodInput, MethodName, MethodOutput } from './methods';

/** Event subscriptions: `onTaskProgress(callback)` returns an unsubscribe function. */
export type EventSubscriptions = {
  [E in EventName as `on${Capitalize<E>}`]: (callback: (payload: EventPayload<E>) => void) => () => void;
};

/** What the UI calls: every method returns its value or rejects with an AppError. */
export type CvTailorApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
} & EventSubscriptions;

/** What a transport exposes (the preload's `window.cvTailor`): methods return envelopes. */
export type CvTailorBridge = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Envelope<MethodOutput<M>>>;
} & EventSubscriptions;

/** What the services implement for each method. */
export type Handlers = {
  [M in MethodName]: (input: import('./methods').ParsedInput<M>) => Promise<MethodOutput<M>>;
};
