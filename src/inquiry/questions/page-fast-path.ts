import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { sessionToken } from '../../accounts';
import type { Locale } from '../../platform/web/i18n';
import {
  type PrerenderedPage,
  PrerenderedPaths,
  prerenderPage,
  sendPrerenderedPage,
} from '../../platform/web/prerendered-page';
import type { QuestionData } from './page-data';
import type { QuestionService } from './service';

/**
 * The anonymous Q&A pages: each cached QuestionData rendered once per language it is read in, and a fast path
 * that sends those bytes from the Q&A route's onRequest hook, before param validation, the preHandler hooks and
 * the handler (docs/decisions/0106-prerendered-pages.md, "The fast path").
 *
 * It never holds a page of its own: every hit asks the inquiry service for the question's cached data and
 * sends the page rendered from that very object, so the fast path serves exactly what the route would and
 * stops the moment the service drops or expires the entry. The route's own checks (canonical path, no
 * duplicate, anonymous viewer) are repeated; anything else falls through to the route unchanged.
 *
 * A Chinese and an English rendering of the same data are different pages (/zh/… and …): pages and remembered
 * paths are kept by language. The route decides which languages a question is served in (it redirects a reader
 * to the translation in their language); only the pages it asked for are ever rendered and served here.
 */
export function createQuestionPages(
  inquiry: Pick<QuestionService, 'cachedQuestion' | 'recordView'>,
  render: (data: QuestionData, locale: Locale) => string,
) {
  // Keyed by the data object: a reloaded question is a new object and gets new renderings; the old ones
  // go with their data.
  const rendered = new WeakMap<QuestionData, Partial<Record<Locale, PrerenderedPage>>>();
  // The pages rendered so far, by language and canonical path; as many as the question cache holds entries.
  const paths = new PrerenderedPaths(5_000);

  return {
    /**
     * The page an anonymous reader of this language gets for this data (the route only asks for canonical,
     * non-duplicate pages in a language it serves the question in).
     */
    anonymousPage(data: QuestionData, locale: Locale): PrerenderedPage {
      let pages = rendered.get(data);
      if (pages === undefined) {
        pages = {};
        rendered.set(data, pages);
      }
      let page = pages[locale];
      if (page === undefined) {
        page = prerenderPage(render(data, locale));
        pages[locale] = page;
        paths.remember(locale, data.question.path, data.question.id);
      }
      return page;
    },

    /**
     * onRequest hook of the Q&A route. Runs after the app's onRequest hooks, so the security headers are
     * already on the reply and cookies are parsed; sendPrerenderedPage then sets the rest exactly as the
     * route does. A callback hook: a miss costs two Map lookups and no promise.
     */
    serveCached(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
      // Another form of the URL misses and is left to the route (which redirects or keeps it). A session cookie may
      // name a viewer, who gets a page of their own; it takes a database read to know, which is the route's
      // business. No other cookie changes the page.
      const id = paths.idOf(request);
      if (id === undefined || sessionToken(request) !== undefined) {
        done();
        return;
      }
      const data = inquiry.cachedQuestion(id);
      const page = data && rendered.get(data)?.[request.locale];
      // Not cached any more (expired, or a write dropped it), not rendered in this language yet, merged into
      // another question, or its slug changed: the route loads, redirects or renders, and remembers again.
      if (!data || !page || data.duplicateOf !== null || data.question.path !== request.url) {
        paths.forget(request);
        done();
        return;
      }
      // The route counts a view on every Q&A request it answers; so does the fast path, once.
      inquiry.recordView(id);
      sendPrerenderedPage(request, reply, page);
    },
  };
}

export type QuestionPages = ReturnType<typeof createQuestionPages>;
