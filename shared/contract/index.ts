/**
 * The typed contract between the UI and the services.
 */
export * from './api';
export * from './envelope';
export * from './events';
export * from './methods';
