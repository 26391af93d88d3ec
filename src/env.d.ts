declare namespace App {
  /** Per-page render state. */
  interface Locals {
    /** Languages whose UI strings this page already carries (see `UiStringsScript.astro`). */
    kaUiStrings?: Set<string>;
  }
}
