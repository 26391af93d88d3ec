/**
 * Brings the page's widgets to life, the only widget code a page loads up front (a few hundred
 * bytes). The build renders each widget as a static figure of its starting scenario (what a
 * reader without JavaScript keeps); nothing of its simulation travels in the page. When a
 * widget comes near the screen (an embed's at once) this loads its component
 * (`mount-widget.ts`), which recomputes the runs in the simulation worker and swaps the live
 * widget in for the figure when its first result is drawn.
 */
import { EAGER, ISLAND_ATTR } from './island-attrs';

/** How far below the screen a widget starts loading, so it is live by the time it is seen. */
const MARGIN = '0px';

function start(island: HTMLElement): void {
  if (island.dataset['kaStarted'] !== undefined) return;
  island.dataset['kaStarted'] = '';
  void import('./mount-widget').then((m) => m.mountWidget(island));
}

/** Starts every island on the page: eager ones now, the others when they near the screen. */
export function watchIslands(): void {
  const islands = [...document.querySelectorAll<HTMLElement>(`[${ISLAND_ATTR}]`)];
  const lazy = islands.filter((el) => el.getAttribute(ISLAND_ATTR) !== EAGER);
  islands.filter((el) => el.getAttribute(ISLAND_ATTR) === EAGER).forEach(start);
  if (lazy.length === 0) return;
  if (!('IntersectionObserver' in window)) {
    lazy.forEach(start);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        start(entry.target as HTMLElement);
      }
    },
    { rootMargin: MARGIN },
  );
  lazy.forEach((el) => observer.observe(el));
}
