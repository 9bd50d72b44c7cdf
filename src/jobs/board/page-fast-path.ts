import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { sessionToken } from '../../accounts';
import type { Locale } from '../../platform/web/i18n';
import {
  type PrerenderedPage,
  PrerenderedPaths,
  prerenderPage,
  sendPrerenderedPage,
} from '../../platform/web/prerendered-page';
import type { AnonymousJobView, JobPageCache } from './page-cache';

/**
 * The anonymous job pages: each cached view rendered once, gzipped once (prerenderPage), and a fast path that
 * sends those bytes from the job route's onRequest hook, before param validation, the preHandler hooks and the
 * handler (decision 0121, after the Q&A page's: docs/decisions/0106-prerendered-pages.md, "The fast path").
 *
 * It never holds a page of its own: every hit asks the page cache for the job's view and sends the page rendered
 * from that very object, so it serves exactly what the route would and stops the moment the cache drops or
 * expires the entry. The route's own checks (canonical path, anonymous viewer) are repeated; anything else falls
 * through to the route unchanged.
 */
export function createJobPages(
  cache: Pick<JobPageCache, 'cached'>,
  render: (view: AnonymousJobView, locale: Locale) => string,
) {
  // Keyed by the view object: a reloaded job is a new object and gets a new rendering; the old one goes with it.
  const rendered = new WeakMap<AnonymousJobView, PrerenderedPage>();
  // The pages rendered so far, by language and canonical path; as many as the page cache holds entries.
  const paths = new PrerenderedPaths(5_000);

  return {
    /** The page an anonymous reader gets for this view, loaded in `locale` (the route asks only at its canonical path). */
    anonymousPage(view: AnonymousJobView, locale: Locale): PrerenderedPage {
      let page = rendered.get(view);
      if (page === undefined) {
        page = prerenderPage(render(view, locale));
        rendered.set(view, page);
        paths.remember(locale, view.data.path, view.data.job.id);
      }
      return page;
    },

    /**
     * onRequest hook of the job route. Runs after the app's onRequest hooks, so the security headers are already on
     * the reply and cookies are parsed; sendPrerenderedPage then sets the rest exactly as the route does. A
     * callback hook: a miss costs a Map lookup or two and no promise.
     */
    serveCached(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
      // Another form of the URL misses and is left to the route. A session cookie may name a viewer, who gets a page
      // of their own (their application, the apply form, the report form with their token); it takes a database
      // read to know.
      const id = paths.idOf(request);
      if (id === undefined || sessionToken(request) !== undefined) {
        done();
        return;
      }
      const view = cache.cached(id, request.locale);
      const page = view && rendered.get(view);
      // Not cached any more (expired, its day over, or a write dropped it), not rendered yet, or its slug changed:
      // the route loads, redirects or renders, and remembers again.
      if (!view || !page || view.data.path !== request.url) {
        paths.forget(request);
        done();
        return;
      }
      sendPrerenderedPage(request, reply, page);
    },
  };
}
