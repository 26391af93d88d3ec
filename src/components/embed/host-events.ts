/**
 * Events for the host page, loaded only on an embed page whose address says `events=1`
 * (`embed-head.ts`, `mount-widget.ts`): what the reader does in the frame is posted to the page
 * around it, so a course page (or an LTI or xAPI wrapper) can record that a student tried the
 * widget. One message per action, with `window.parent.postMessage`:
 *
 *     { type: 'keep-alive:event', version: 1, id, widget, event, detail }
 *
 * `id` is the embed's `embedId` ('' without one), as in the resize messages (`resize.ts`), and
 * `widget` its name (`race`). `event` and `detail`: `played`, `{ atMs }` (the simulated time
 * playback started from); `parameter-changed`, `{ name, value }` (the URL key and its new value,
 * once it has stayed unchanged for `SETTLE_MS`: a dragged slider sends one message, not one per
 * step; a pending change is sent before any other event);
 * `exercise-answered`, `{ id, kind, correct }` (a question in the frame was checked: `correct`
 * is true within its tolerance; today's embeds show widgets only, so none is sent yet). Nothing
 * is sent without `events=1`, and nothing outside a frame. Documented in the guide.
 */
import type { AnsweredDetail } from '../progress/progress-store';
import { WIDGET_EVENT, type WidgetEvent } from '../controls/widget-events';
import { EMBED_ID_KEY, EMBED_ID_MAX } from './embed-query';

/**
 * `ANSWERED_EVENT` of `progress-store.ts`, copied so that this module loads alone (importing the
 * store would add its chunk to the preload list every widget carries up front); a unit test holds
 * them equal.
 */
export const ANSWERED = 'ka:answered';

/** `type` of the messages. */
export const EVENT_MESSAGE = 'keep-alive:event';

/** How long a parameter's value must stay unchanged before its change is sent (ms). */
export const SETTLE_MS = 500;

/** What an event reports, by event. */
export type HostEvent =
  | WidgetEvent
  | {
      readonly event: 'exercise-answered';
      readonly detail: {
        readonly id: string;
        readonly kind: 'exercise' | 'concept-check';
        readonly correct: boolean;
      };
    };

/** One message to the host page. */
export type HostEventMessage = {
  readonly type: typeof EVENT_MESSAGE;
  readonly version: 1;
  /** The embed's `embedId` ('' without one). */
  readonly id: string;
  /** The widget's registry name. */
  readonly widget: string;
} & HostEvent;

/** The message for one event of the embed `id` showing `widget`. */
export function hostMessage(id: string, widget: string, e: HostEvent): HostEventMessage {
  return { type: EVENT_MESSAGE, version: 1, id, widget, ...e };
}

/** The `detail` of a `ka:answered` event as sent on, or undefined when it is not one. */
export function answered(v: unknown): AnsweredDetail | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { kind, id, correct } = v as Record<string, unknown>;
  if (kind !== 'exercise' && kind !== 'concept-check') return undefined;
  if (typeof id !== 'string' || id === '' || typeof correct !== 'boolean') return undefined;
  return { id, kind, correct };
}

/** The embed's `embedId` in a query string: the last one, cut to `EMBED_ID_MAX` characters. */
export function embedIdIn(search: string): string {
  const all = new URLSearchParams(search).getAll(EMBED_ID_KEY);
  return (all[all.length - 1] ?? '').slice(0, EMBED_ID_MAX);
}

/** Starts posting the reader's actions in `island`'s widget to `window.parent` (when framed). */
export function forwardEvents(island: HTMLElement): void {
  if (window.parent === window) return;
  const id = embedIdIn(window.location.search);
  const widget = island.dataset['kaWidget'] ?? '';
  const send = (e: HostEvent): void => window.parent.postMessage(hostMessage(id, widget, e), '*');
  /** Parameter changes waiting for their value to settle, by name. */
  const pending = new Map<string, { event: HostEvent; timer: ReturnType<typeof setTimeout> }>();
  const flush = (): void => {
    for (const { event, timer } of pending.values()) {
      clearTimeout(timer);
      send(event);
    }
    pending.clear();
  };
  const post = (e: HostEvent): void => {
    if (e.event !== 'parameter-changed') {
      flush();
      send(e);
      return;
    }
    const name = e.detail.name;
    clearTimeout(pending.get(name)?.timer);
    const timer = setTimeout(() => {
      pending.delete(name);
      send(e);
    }, SETTLE_MS);
    pending.set(name, { event: e, timer });
  };
  window.addEventListener(WIDGET_EVENT, (e) => post((e as CustomEvent<WidgetEvent>).detail));
  document.addEventListener(ANSWERED, (e) => {
    const d = answered((e as CustomEvent<unknown>).detail);
    if (d) post({ event: 'exercise-answered', detail: d });
  });
  window.addEventListener('pagehide', flush);
}
