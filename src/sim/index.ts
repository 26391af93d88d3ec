/** Public API of the simulation core (re-exports only). */
export * from './analytic';
export * from './browser';
export * from './engine';
export * from './http1';
export * from './link';
export * from './metrics';
export * from './presets';
export * from './rng';
export * from './scenario';
export * from './server';
export * from './simulate';
export * from './tcp';
export * from './tls';
export * from './trace';
