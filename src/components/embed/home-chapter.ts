/**
 * The chapter an embed links back to, found in the chapters themselves (the first one in reading
 * order whose MDX mounts the widget by any of its names), so the link follows the content when a
 * widget moves. Pure: the route passes the chapters in.
 */
import { localePath, type Lang } from '../../i18n';

/** A page an embed links back to. */
export interface HomeLink {
  readonly href: string;
  /** The chapter's title, or undefined for the gallery page. */
  readonly chapter: string | undefined;
}

/** What this module needs of a chapter. */
export interface ChapterText {
  readonly slug: string;
  readonly title: string;
  /** The MDX source. */
  readonly body: string;
}

/** Widget names mounted by a chapter body: `<Widget name="keep-alive-race" …>`. */
export function mountedNames(body: string): string[] {
  return [...body.matchAll(/<Widget\b[^>]*?\bname=["']([^"']+)["']/g)].map((m) => m[1] ?? '');
}

/**
 * The first of `chapters` (in reading order) mounting one of `names`, else the gallery section
 * of the widget (`/widgets/#g-<galleryKey>`).
 */
export function homeChapter(
  lang: Lang,
  names: readonly string[],
  galleryKey: string,
  chapters: readonly ChapterText[],
): HomeLink {
  for (const chapter of chapters) {
    if (mountedNames(chapter.body).some((n) => names.includes(n))) {
      return { href: localePath(lang, `${chapter.slug}/`), chapter: chapter.title };
    }
  }
  return { href: localePath(lang, `widgets/#g-${galleryKey}`), chapter: undefined };
}
