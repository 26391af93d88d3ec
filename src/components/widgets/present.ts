/**
 * Present mode, loaded when a reader presses a widget's "Present" button (`WidgetFrame.svelte`)
 * or when an embed's address says `present=1` (`mount-widget.ts`): the widget alone, filling the
 * screen, for a lecture. The widget's live element (`.ka-live`, `mount-widget.ts`) goes full
 * screen where the browser allows it (in an iframe only with `allow="fullscreen"`) and otherwise
 * covers the window, or the frame, as a fixed overlay. Either way it is a modal dialog: the rest of
 * the page is inert and does not scroll, and the widget keeps its place in the page (an embed's
 * frame keeps its height). `present.css`, added to the page with this module, sets it out:
 * everything 1.5× larger on screens from 640 × 576 CSS pixels (twice from 1600 × 960), the
 * parameters collapsed to their line of values (in one row when the presenter opens them), and
 * the diagrams scrolling between the player and the result so that the player stays on screen;
 * while the clock moves, the diagrams scroll to keep a ladder's "now" line in view.
 *
 * Keys: the widget's own (`playbackKeys`: Space, ← →, Home, End, with focus anywhere in the
 * presentation), Page Up and Page Down for the previous and next event (what presentation
 * clickers send), and Escape to leave; focus returns to the Present button on the way out.
 */
import type { Lang } from '../../i18n';
import { ui } from '../../i18n/ui';
// As text, added to the page on first use: a plain CSS import would put it in every page's styles.
import styles from './present.css?inline';

/** Attribute of the presented element (`.ka-live`). */
export const PRESENT_ATTR = 'data-ka-present';
/** Attribute of `<html>` while a widget is presented (locks the page's scroll). */
export const PRESENTING_ATTR = 'data-ka-presenting';

/** Id of the `<style>` element that holds `present.css`. */
const STYLES_ID = 'ka-present-styles';

/** Keys the widget's diagrams handle (`playbackKeys`), forwarded to them from the bar. */
const PLAYER_KEYS = [' ', 'ArrowLeft', 'ArrowRight', 'Home', 'End'];
/** Presentation clickers' keys, and the player key each stands for. */
const CLICKER_KEYS: Readonly<Record<string, string>> = {
  PageDown: 'ArrowRight',
  PageUp: 'ArrowLeft',
};

/**
 * The key the diagrams should receive for a key pressed in present mode, if any: clicker keys
 * anywhere but in a text or number field, slider or menu; player keys pressed outside the widget's
 * own element (on the bar or the presentation's background), except Space on a button, which
 * presses it. Keys inside the widget reach its own handler first.
 */
export function forwardedKey(key: string, target: { inWidget: boolean; tag: string }): string {
  if (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tag)) return '';
  const clicker = CLICKER_KEYS[key];
  if (clicker) return clicker;
  if (target.inWidget || !PLAYER_KEYS.includes(key)) return '';
  return key === ' ' && target.tag === 'BUTTON' ? '' : key;
}

/** The presentation on screen, if any (one at a time). */
let current: { leave(): void } | undefined;

/**
 * Presents the widget whose live element holds its "Present" button, full screen at once when
 * `fullscreen` (a reader's press: browsers allow full screen only then); otherwise the overlay,
 * with a "Full screen" button in its bar.
 */
export function present(button: HTMLElement, fullscreen = true): void {
  const live = button.closest<HTMLElement>('.ka-live');
  const widget = button.closest<HTMLElement>('.widget');
  const mount = live?.parentElement;
  if (current || !live || !widget || !mount) return;
  const root: HTMLElement = live;
  const figure: HTMLElement = widget;
  const island: HTMLElement = mount;
  const lang: Lang = island.dataset['kaLang'] === 'zh' ? 'zh' : 'en';
  const t = ui(lang).widgets.present;
  const views = figure.querySelector<HTMLElement>('.views');
  // The diagrams take the keys when they can (a widget with a clock): focus starts there.
  const keysTarget = views?.tabIndex === 0 ? views : undefined;

  addStyles();
  const top = island.getBoundingClientRect().top;
  island.style.minHeight = `${island.offsetHeight}px`;
  const bar = document.createElement('div');
  bar.className = 'ka-present-bar';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', t.bar);
  const keys = document.createElement('p');
  keys.className = 'ka-present-keys';
  keys.textContent = t.keys;
  const fullscreenButton = barButton(t.fullscreen, () => void enterFullscreen());
  fullscreenButton.hidden = true;
  const leaveButton = barButton(t.leave, () => leave());
  leaveButton.setAttribute('aria-keyshortcuts', 'Escape');
  bar.append(keys, fullscreenButton, leaveButton);
  root.prepend(bar);

  root.setAttribute(PRESENT_ATTR, '');
  root.setAttribute('role', 'dialog');
  root.setAttribute('aria-modal', 'true');
  root.setAttribute('aria-labelledby', figure.getAttribute('aria-labelledby') ?? '');
  root.tabIndex = -1;
  document.documentElement.setAttribute(PRESENTING_ATTR, '');
  const inert = inertOutside(root);
  // The parameters collapse to their line of values, so the diagrams get the screen (open, at
  // 1.5× they took a fifth of a 1,280 × 800 screen and left the diagrams under a quarter); the
  // presenter opens them with their button. Leaving opens them again if this closed them.
  const collapsed = toggleParams(figure, 'true');

  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      leave();
      return;
    }
    if (e.key === 'Tab') {
      keepTabInside(root, e);
      return;
    }
    if (!keysTarget || !e.isTrusted || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey)
      return;
    const target = e.target as HTMLElement;
    const key = forwardedKey(e.key, { inWidget: figure.contains(target), tag: target.tagName });
    if (!key) return;
    const forwarded = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    if (!keysTarget.dispatchEvent(forwarded)) e.preventDefault();
  };
  let wasFullscreen = false;
  const onFullscreen = (): void => {
    const on = document.fullscreenElement === root;
    fullscreenButton.hidden = on || !document.fullscreenEnabled;
    if (on) wasFullscreen = true;
    else if (wasFullscreen) leave();
  };
  // Focus stays in the presentation (the rest of the page is inert; this catches the rest).
  const onFocus = (e: FocusEvent): void => {
    if (!root.contains(e.target as Node)) root.focus();
  };
  root.addEventListener('keydown', onKey);
  document.addEventListener('fullscreenchange', onFullscreen);
  document.addEventListener('focusin', onFocus);
  const stopFollowing = followNow(views);
  (keysTarget ?? leaveButton).focus({ preventScroll: true });
  if (fullscreen) void enterFullscreen();
  else onFullscreen();

  async function enterFullscreen(): Promise<void> {
    if (!document.fullscreenEnabled || document.fullscreenElement) {
      onFullscreen();
      return;
    }
    // Refused (no gesture, a browser's setting): the overlay stays, with the button.
    await root.requestFullscreen().catch(() => undefined);
    onFullscreen();
  }

  function leave(): void {
    if (current !== session) return;
    current = undefined;
    root.removeEventListener('keydown', onKey);
    document.removeEventListener('fullscreenchange', onFullscreen);
    document.removeEventListener('focusin', onFocus);
    stopFollowing();
    const exiting =
      document.fullscreenElement === root ? document.exitFullscreen() : Promise.resolve();
    bar.remove();
    for (const name of [PRESENT_ATTR, 'role', 'aria-modal', 'aria-labelledby', 'tabindex']) {
      root.removeAttribute(name);
    }
    document.documentElement.removeAttribute(PRESENTING_ATTR);
    if (collapsed) toggleParams(figure, 'false');
    for (const el of inert) el.inert = false;
    island.style.minHeight = '';
    // Leaving full screen can move the page: the widget goes back to where the reader saw it.
    const back = (): void => {
      window.scrollBy(0, island.getBoundingClientRect().top - top);
      button.focus({ preventScroll: true });
    };
    back();
    void exiting.catch(() => undefined).then(back);
  }

  const session = { leave };
  current = session;
}

/** Presents the widget in an island (`present=1` on an embed page, once the widget shows). */
export function presentIsland(island: HTMLElement): void {
  const button = island.querySelector<HTMLElement>('.ka-live .present-toggle');
  if (button) present(button, false);
}

/**
 * Presses the parameters' collapse button (`ParamControls.svelte`) when it says `expanded`;
 * true if it did. The button is looked up each time: the widget draws a new one as it toggles.
 */
function toggleParams(figure: HTMLElement, expanded: 'true' | 'false'): boolean {
  const button = figure.querySelector<HTMLButtonElement>(
    `.params legend button[aria-expanded="${expanded}"]`,
  );
  button?.click();
  return button !== null;
}

/** Tabbable elements, as far as present mode needs to know (it keeps Tab inside). */
const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** Wraps Tab from the last tabbable element to the first, and Shift+Tab the other way. */
function keepTabInside(root: HTMLElement, e: KeyboardEvent): void {
  const all = [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.getClientRects().length > 0,
  );
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (e.shiftKey && (active === first || active === root)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}

/** Adds present mode's styles to the page, once. */
function addStyles(): void {
  if (document.getElementById(STYLES_ID)) return;
  const style = document.createElement('style');
  style.id = STYLES_ID;
  style.textContent = styles;
  document.head.append(style);
}

function barButton(label: string, onclick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'ka-button ka-small';
  b.textContent = label;
  b.addEventListener('click', onclick);
  return b;
}

/** Makes everything outside `el` inert (each ancestor's other children); returns what it changed. */
function inertOutside(el: HTMLElement): HTMLElement[] {
  const changed: HTMLElement[] = [];
  for (let node: HTMLElement | null = el; node && node !== document.body;) {
    const parent: HTMLElement | null = node.parentElement;
    for (const sibling of parent?.children ?? []) {
      if (sibling !== node && sibling instanceof HTMLElement && !sibling.inert) {
        sibling.inert = true;
        changed.push(sibling);
      }
    }
    node = parent;
  }
  return changed;
}

/** Share of the diagrams' height the "now" line is kept within, from the top. */
const FOLLOW_BAND = [0.1, 0.8] as const;

/**
 * Keeps a ladder's "now" line (time flows down) in view in the scrolling diagrams while the clock
 * moves: when it leaves the band, the diagrams scroll to put it a fifth of the way down. Returns
 * the cleanup.
 */
function followNow(views: HTMLElement | null | undefined): () => void {
  if (!views) return () => undefined;
  let frame = 0;
  const follow = (): void => {
    frame = 0;
    const now = views.querySelector('.ladder line.now');
    if (!now || views.scrollHeight <= views.clientHeight) return;
    const box = views.getBoundingClientRect();
    const y = now.getBoundingClientRect().top - box.top;
    if (y >= box.height * FOLLOW_BAND[0] && y <= box.height * FOLLOW_BAND[1]) return;
    // The box's own pixels (it may be zoomed): its scroll position is in those.
    const scale = box.height / views.clientHeight || 1;
    views.scrollTop += (y - box.height * 0.2) / scale;
  };
  const observer = new MutationObserver(() => {
    if (!frame) frame = requestAnimationFrame(follow);
  });
  observer.observe(views, { subtree: true, attributes: true, attributeFilter: ['y1'] });
  return () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
  };
}
