import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../../i18n';

/** A chapter entry from the content collection. */
export type Chapter = CollectionEntry<'chapters'>;

/** URL slug of a chapter: its file name without the language folder and the `NN-` order prefix. */
export function chapterSlug(chapter: Chapter): string {
  const file = chapter.id.split('/').pop() ?? chapter.id;
  return file.replace(/^\d+-/, '');
}

/** Language of a chapter, from its folder. */
export function chapterLang(chapter: Chapter): Lang {
  return chapter.id.startsWith('zh/') ? 'zh' : 'en';
}

/** The chapters of one language in reading order. */
export async function chaptersOf(lang: Lang): Promise<Chapter[]> {
  const all = await getCollection('chapters', (c) => chapterLang(c) === lang);
  return all.sort((a, b) => a.data.order - b.data.order);
}
