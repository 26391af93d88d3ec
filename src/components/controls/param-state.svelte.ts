/**
 * A widget's parameter values as reactive state, kept in the page URL under the widget's
 * namespace (`race.rtt=100`). Starts at the schema defaults (what the build renders); `load()`
 * reads the URL after hydration; `set()` validates a value and rewrites the URL in place.
 */
import {
  defaults,
  parseParams,
  serializeParams,
  snap,
  type ParamNotice,
  type ParamSchema,
  type ParamValues,
} from './params';

/** Reactive parameter values of one widget instance. */
export class ParamState<S extends ParamSchema> {
  readonly schema: S;
  readonly namespace: string;
  #values = $state.raw({} as ParamValues<S>);
  #notices = $state.raw<readonly ParamNotice[]>([]);

  constructor(schema: S, namespace: string) {
    this.schema = schema;
    this.namespace = namespace;
    this.#values = defaults(schema);
  }

  /** Current values (replaced wholesale on every change). */
  get values(): ParamValues<S> {
    return this.#values;
  }

  /** Corrections made while reading the URL. */
  get notices(): readonly ParamNotice[] {
    return this.#notices;
  }

  /** Reads the values from the page URL (call once, in the browser, after hydration). */
  load(): void {
    const { values, notices } = parseParams(this.schema, window.location.search, this.namespace);
    this.#values = values;
    this.#notices = notices;
  }

  /** Sets one value (numbers are clamped and snapped) and updates the URL. */
  set(key: string, value: unknown): void {
    const p = this.schema.find((s) => s.key === key);
    if (!p) return;
    let next: unknown;
    if (p.type === 'number') {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n)) return;
      next = snap(p, n);
    } else if (p.type === 'enum') {
      if (typeof value !== 'string' || !p.options.includes(value)) return;
      next = value;
    } else next = Boolean(value);
    const record = this.#values as Record<string, unknown>;
    if (record[key] === next) return;
    this.#values = { ...this.#values, [key]: next };
    this.#writeUrl();
  }

  #writeUrl(): void {
    if (typeof window === 'undefined') return;
    const { pathname, search, hash } = window.location;
    const query = serializeParams(this.schema, this.#values, search, this.namespace);
    window.history.replaceState(window.history.state, '', `${pathname}${query}${hash}`);
  }
}
