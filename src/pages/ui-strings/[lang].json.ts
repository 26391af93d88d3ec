/**
 * `/ui-strings/en.json` and `/ui-strings/zh.json`: the strings a language's widgets show
 * (`uiStringsOf`), fetched by a widget when it comes to life (`mount-widget.ts`) and cached by
 * the browser across pages, so no page carries the dictionary inline.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { languages, uiStringsOf, type Lang } from '../../i18n';

export const getStaticPaths = (() =>
  languages.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(uiStringsOf(params['lang'] as Lang)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
