/**
 * The parameters' inputs (`ParamFields.svelte`) as a chunk of their own: a narrow widget starts
 * with its parameters collapsed to a line of values, so a phone loads the inputs' code only when
 * the reader opens them (issue 14: 45 KB of JavaScript up front). The build, which draws them in
 * the static figures, hands the component itself through context (`StaticWidget`, a server-only
 * component), as it does the views of `lazy-views.ts`.
 */
import { getContext, setContext, type Component, type ComponentProps } from 'svelte';
import type ParamFields from './ParamFields.svelte';

/** The inputs' component. */
export type ParamFieldsView = Component<ComponentProps<typeof ParamFields>>;

/** The browser's way to the inputs: their own chunk. */
export const loadParamFields = (): Promise<{ default: ParamFieldsView }> =>
  import('./ParamFields.svelte');

const KEY = Symbol('ka-param-fields');

/** Server side: the inputs' component, for the static figures (`StaticWidget.svelte`). */
export function provideParamFields(fields: ParamFieldsView): void {
  setContext(KEY, fields);
}

/** The component the build provided; undefined in the browser. */
export function providedParamFields(): ParamFieldsView | undefined {
  return getContext<ParamFieldsView | undefined>(KEY);
}
