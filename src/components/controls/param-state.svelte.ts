/**
 * A widget's parameter values as reactive state, kept in the page URL under the widget's
 * namespace (`race.rtt=100`), or without one on an embed page (`/embed/race/?rtt=100`). Starts
 * at the schema defaults (what the build renders); `load()` reads the URL once the widget is mounted;
 * `set()` validates a value and rewrites the URL in place.
 */
import { EMBED_PARAMS, EMBED_RESERVED, isEmbedPage } from '../embed/embed-query';
import {
  defaults,
  parseParams,
  serializeParams,
  snap,
  type ParamNotice,
  type ParamSchema,
  type ParamValues,
} from './params';
import { widgetEvent } from './widget-events';

/** Reactive parameter values of one widget instance. */
export class ParamState<S extends ParamSchema> {
  readonly schema: S;
  readonly #namespace: string;
  #values = $state.raw({} as ParamValues<S>);
  #notices = $state.raw<readonly ParamNotice[]>([]);
  #noticeSchema: ParamSchema = [];

  constructor(schema: S, namespace: string) {
    this.schema = schema;
    this.#namespace = namespace;
    this.#values = defaults(schema);
  }

  /** The URL namespace: the widget id, or none on an embed page. */
  get namespace(): string {
    return isEmbedPage() ? '' : this.#namespace;
  }

  /** Current values (replaced wholesale on every change). */
  get values(): ParamValues<S> {
    return this.#values;
  }

  /** Corrections made while reading the URL (`noticeReason` says why, with `noticeSchema`). */
  get notices(): readonly ParamNotice[] {
    return this.#notices;
  }

  /** The schema the URL was read with: the widget's, and on an embed page the page's own keys. */
  get noticeSchema(): ParamSchema {
    return this.#noticeSchema;
  }

  /**
   * Reads the values from the page URL (call once, in the browser, once mounted). On an embed
   * page every key is the widget's, so unknown keys are reported too, and the page's own keys
   * (`theme`, `layout`, `present`, `events`: `EMBED_PARAMS`) are checked with them (the page
   * applied them before first paint, `embed-head.ts`).
   */
  load(): void {
    const search = window.location.search;
    const embed = isEmbedPage();
    const schema: ParamSchema = embed ? [...this.schema, ...EMBED_PARAMS] : this.schema;
    const { values, notices } = embed
      ? parseParams(schema, search, '', { reportUnknown: true, reserved: EMBED_RESERVED })
      : parseParams(schema, search, this.#namespace);
    const own: Record<string, unknown> = {};
    for (const p of this.schema) own[p.key] = (values as Record<string, unknown>)[p.key];
    this.#values = own as ParamValues<S>;
    this.#noticeSchema = schema;
    this.#notices = notices;
  }

  /** Sets one value (numbers are clamped and snapped), updates the URL and tells the page. */
  set(key: string, value: unknown): void {
    const p = this.schema.find((s) => s.key === key);
    if (!p) return;
    let next: number | string | boolean;
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
    widgetEvent({ event: 'parameter-changed', detail: { name: key, value: next } });
  }

  #writeUrl(): void {
    if (typeof window === 'undefined') return;
    const { pathname, search, hash } = window.location;
    const query = serializeParams(this.schema, this.#values, search, this.namespace);
    window.history.replaceState(window.history.state, '', `${pathname}${query}${hash}`);
  }
}
