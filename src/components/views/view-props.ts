/** Props shared by the trace views, each a pure function of (trace, t) in one language. */
import type { Lang } from '../../i18n';
import type { Trace } from '../../sim/trace';

/** What every view draws from: the trace, the playback time and the page language. */
export interface ViewProps {
  trace: Trace;
  /** Playback time (ms). */
  t: number;
  lang: Lang;
  /** Visible caption or heading. */
  title?: string;
}

/** A view drawn on a shared time axis (lanes, waterfall, ladder). */
export interface TimeViewProps extends ViewProps {
  /** Visible caption; also the SVG's title. */
  title?: string;
  /** End of the time axis (ms), e.g. to share one clock between two diagrams. */
  maxMs?: number;
  /** Collapse long stretches without events on the time axis; default true. */
  compressIdle?: boolean;
  /**
   * Busy spans shared by every view of a widget (`sharedBusy` over all its traces): long quiet
   * stretches collapse only outside them, so views and the panes of a comparison keep one clock.
   * Default: the view's own spans.
   */
  busy?: readonly (readonly [number, number])[];
}

/** A view drawn as rows on a time axis, with the server side under each (lanes, waterfall). */
export interface RowsViewProps extends TimeViewProps {
  /** Hide the server side: the lanes' sub-lanes, the waterfall's processing bars. */
  hideServer?: boolean;
}
