/**
 * Brings the page's widgets to life, the only widget code a page loads up front (a few hundred
 * bytes). The build renders each widget as a static figure of its starting scenario (what a
 * reader without JavaScript keeps); nothing of its simulation travels in the page. When a
 * widget comes on screen this loads its component
 * (`mount-widget.ts`), which recomputes the runs in the simulation worker and swaps the live
 * widget in for the figure when its first result is drawn.
 */
import { ISLAND_ATTR } from './island-attrs';

/**
 * How far beyond the screen a widget starts loading: none, so a page (or a course page with
 * several embeds) pays for a widget only when the reader reaches it. An embed page's widget is
 * on its own screen, so it starts at once; in a frame below the course page's fold it starts
 * when the frame is scrolled into view (an observer in a frame sees the top page's viewport).
 */
const MARGIN = '0px';

function start(island: HTMLElement): void {
  if (island.dataset['kaStarted'] !== undefined) return;
  island.dataset['kaStarted'] = '';
  void import('./mount-widget').then((m) => m.mountWidget(island));
}

/** Starts every island on the page when it comes on screen. */
export function watchIslands(): void {
  const lazy = [...document.querySelectorAll<HTMLElement>(`[${ISLAND_ATTR}]`)];
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
