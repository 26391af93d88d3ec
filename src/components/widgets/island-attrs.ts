/** The attributes of a widget's island (`WidgetMount.astro`), shared by the loader and the mount. */

/** The element around each widget; `data-ka-widget` names it. */
export const ISLAND_ATTR = 'data-ka-island';
/** On an island until its live widget replaces the static figure (tests wait for it to go). */
export const PENDING_ATTR = 'data-ka-pending';
