/**
 * Playback of one or more traces on one clock: the time `t` every view reads. Animation runs
 * on requestAnimationFrame only while playing and while the widget is on screen; nothing runs
 * when paused. With `prefers-reduced-motion: reduce` play advances event by event (no tweening).
 */
import { flushSync, getContext, setContext } from 'svelte';
import type { Timeline } from './timeline';
import { widgetEvent } from './widget-events';

export { timelineOf, type Timeline } from './timeline';

/** Playback speeds offered in the UI. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
/** One of the offered speeds. */
export type Speed = (typeof SPEEDS)[number];

/** At 1×, a whole trace plays in this many wall-clock milliseconds, whatever its length. */
export const PLAY_MS_AT_1X = 8000;
/** With reduced motion, one event step per this many wall-clock milliseconds at 1×. */
export const STEP_MS_AT_1X = 900;
/** While playing, the live region is updated at most this often (wall-clock ms). */
export const ANNOUNCE_EVERY_MS = 1500;

/** Where the frame probe of the budget script collects rAF callback durations (ms). */
declare global {
  interface Window {
    __kaFrameProbe?: number[];
  }
}

const EPS = 1e-6;

/** Playback state of one widget (shared with its Player and views through context). */
export class Playback {
  /** Position as a fraction of the duration, so a new trace keeps the proportional position. */
  #pos = $state(1);
  #playing = $state(false);
  #speed = $state<Speed>(1);
  /** The time the live region describes (updated on steps, throttled while playing). */
  #announceT = $state<number | undefined>(undefined);
  /** True once attached in the browser: controls that need JavaScript are enabled. */
  #ready = $state(false);
  #reducedMotion = $state(false);
  #visible = true;
  #source: () => Timeline;
  #timeline = $derived.by(() => this.#source());
  #frame = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #last = 0;
  #lastAnnounce = 0;

  /** `source` is read reactively: when the traces change, `t` keeps its fraction of the duration. */
  constructor(source: () => Timeline) {
    this.#source = source;
  }

  /** Current time in ms (the final frame until the reader plays or steps). */
  get t(): number {
    return this.#pos * this.duration;
  }
  /** End of the (longest) trace in ms. */
  get duration(): number {
    return this.#timeline.duration;
  }
  /** Event times, sorted. */
  get times(): readonly number[] {
    return this.#timeline.times;
  }
  get playing(): boolean {
    return this.#playing;
  }
  get speed(): Speed {
    return this.#speed;
  }
  set speed(value: Speed) {
    this.#speed = SPEEDS.includes(value) ? value : 1;
  }
  get ready(): boolean {
    return this.#ready;
  }
  get reducedMotion(): boolean {
    return this.#reducedMotion;
  }
  /** Time the live region should describe, if any. */
  get announceT(): number | undefined {
    return this.#announceT;
  }
  get atEnd(): boolean {
    return this.#pos >= 1 - EPS;
  }

  /** Moves to a time (clamped to the trace) and announces it. */
  seek(ms: number): void {
    const d = this.duration;
    this.#pos = d > 0 ? Math.min(1, Math.max(0, ms / d)) : 1;
    this.#announceT = this.t;
  }

  /** Jumps to the next event time after `t` (or the end). */
  stepNext(): void {
    const t = this.t;
    const next = this.times.find((x) => x > t + EPS);
    this.seek(next ?? this.duration);
  }

  /** Jumps to the previous event time before `t` (or the start). */
  stepPrev(): void {
    const t = this.t;
    let prev = 0;
    for (const x of this.times) {
      if (x < t - EPS) prev = x;
      else break;
    }
    this.seek(prev);
  }

  /** Starts playing (from the start when at the end) and tells the page (`widgetEvent`). */
  play(): void {
    if (this.#playing) return;
    if (this.atEnd) this.#pos = 0;
    this.#playing = true;
    widgetEvent({ event: 'played', detail: { atMs: Math.round(this.t) } });
    this.#announceT = this.t;
    this.#lastAnnounce = now();
    this.#schedule();
  }

  /** Stops at the current time; nothing runs afterwards. */
  pause(): void {
    this.#playing = false;
    this.#cancel();
  }

  toggle(): void {
    if (this.#playing) this.pause();
    else this.play();
  }

  /** Back to the start, paused. */
  reset(): void {
    this.pause();
    this.seek(0);
  }

  /**
   * Connects the playback to its widget element: enables the controls, follows
   * `prefers-reduced-motion`, and stops the animation while the widget is off screen.
   * Returns the cleanup (use as a Svelte attachment: `{@attach (el) => playback.attach(el)}`).
   */
  attach(el: Element): () => void {
    this.#ready = true;
    const motion = window.matchMedia('(prefers-reduced-motion: reduce)');
    this.#reducedMotion = motion.matches;
    const onMotion = (): void => {
      this.#reducedMotion = motion.matches;
      if (this.#playing) {
        this.#cancel();
        this.#schedule();
      }
    };
    motion.addEventListener('change', onMotion);
    let observer: IntersectionObserver | undefined;
    if ('IntersectionObserver' in window) {
      observer = new IntersectionObserver((entries) => {
        const visible = entries.some((e) => e.isIntersecting);
        if (visible === this.#visible) return;
        this.#visible = visible;
        if (!visible) this.#cancel();
        else if (this.#playing) this.#schedule();
      });
      observer.observe(el);
    }
    return () => {
      this.pause();
      motion.removeEventListener('change', onMotion);
      observer?.disconnect();
      this.#ready = false;
    };
  }

  #schedule(): void {
    if (!this.#playing || !this.#visible || this.#frame || this.#timer) return;
    if (this.#reducedMotion) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.stepNext();
        if (this.atEnd) this.#playing = false;
        this.#schedule();
      }, STEP_MS_AT_1X / this.#speed);
      return;
    }
    this.#last = now();
    this.#frame = requestAnimationFrame(this.#tick);
  }

  #cancel(): void {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    if (this.#timer) clearTimeout(this.#timer);
    this.#frame = 0;
    this.#timer = undefined;
  }

  #tick = (time: number): void => {
    this.#frame = 0;
    const probe = window.__kaFrameProbe;
    const start = probe ? performance.now() : 0;
    const dt = Math.max(0, Math.min(100, time - this.#last));
    this.#last = time;
    const pos = Math.min(1, this.#pos + (dt * this.#speed) / PLAY_MS_AT_1X);
    this.#pos = pos;
    if (pos >= 1) this.#playing = false;
    if (pos >= 1 || time - this.#lastAnnounce >= ANNOUNCE_EVERY_MS) {
      this.#lastAnnounce = time;
      this.#announceT = this.t;
    }
    if (probe) {
      flushSync();
      probe.push(performance.now() - start);
    }
    if (this.#playing && this.#visible) {
      this.#frame = requestAnimationFrame(this.#tick);
    }
  };
}

function now(): number {
  return typeof performance === 'undefined' ? 0 : performance.now();
}

const KEY = Symbol('ka-playback');

/** Shares a widget's playback with its Player and views. */
export function setPlayback(playback: Playback): Playback {
  return setContext(KEY, playback);
}

/** The playback of the enclosing widget. */
export function getPlayback(): Playback {
  const playback = getContext<Playback | undefined>(KEY);
  if (!playback) throw new Error('getPlayback: no Playback in context (call setPlayback first)');
  return playback;
}

/**
 * Keyboard shortcuts of a widget, active only while focus is inside it: Space or K play/pause,
 * ← or J step back, → or L step forward, Home reset, End jump to the end. Text boxes and
 * selects keep every key; sliders and checkboxes keep Space, arrows, Home and End (J, K, L
 * still work there); buttons keep Space and Enter.
 */
export function playbackKeys(playback: Playback): (el: HTMLElement) => () => void {
  return (el) => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey || !playback.ready) return;
      const target = e.target as HTMLElement | null;
      const tag = target?.tagName;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (tag === 'SELECT' || tag === 'TEXTAREA' || target?.isContentEditable) return;
      if (target instanceof HTMLInputElement) {
        // Sliders and checkboxes keep Space, arrows, Home and End; letters still work there.
        const letterOk = ['range', 'checkbox', 'radio'].includes(target.type);
        if (!letterOk || !['k', 'j', 'l'].includes(key)) return;
      }
      const onButton = tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A';
      let handled = true;
      if ((key === ' ' && !onButton) || key === 'k') playback.toggle();
      else if (key === 'ArrowLeft' || key === 'j') {
        playback.pause();
        playback.stepPrev();
      } else if (key === 'ArrowRight' || key === 'l') {
        playback.pause();
        playback.stepNext();
      } else if (key === 'Home') playback.reset();
      else if (key === 'End') {
        playback.pause();
        playback.seek(playback.duration);
      } else handled = false;
      if (handled) e.preventDefault();
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  };
}
