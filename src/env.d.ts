declare namespace App {
  /** Per-page render state. */
  interface Locals {
    /** Languages whose UI strings this page already carries (see `UiStringsScript.astro`). */
    kaUiStrings?: Set<string>;
    /** Whether this page already loads the embed host script (see `guide/LiveExample.astro`). */
    kaEmbedHost?: boolean;
  }
}
