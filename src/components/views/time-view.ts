/** The parts the horizontal time-axis views (lanes, waterfall) are built from, in one import. */
export { default as Legend } from './Legend.svelte';
export { default as TimeAxis } from './TimeAxis.svelte';
export { default as TimeOverlay } from './TimeOverlay.svelte';
export { default as ViewFigure } from './ViewFigure.svelte';
export { default as ViewNotes } from './ViewNotes.svelte';
export type { RowsViewProps } from './view-props';
