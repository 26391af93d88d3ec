declare namespace App {
  /** Per-page render state. */
  interface Locals {
    /** Whether this page already loads the embed host script (see `guide/LiveExample.astro`). */
    kaEmbedHost?: boolean;
  }
}
