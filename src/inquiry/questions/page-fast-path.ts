import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { sessionToken } from '../../accounts';
import { type PrerenderedPage, prerenderPage, sendPrerenderedPage } from '../../platform/web/prerendered-page';
import type { QuestionData } from './page-data';
import type { QuestionService } from './service';

/** As many canonical paths as the question cache holds entries; older ones are forgotten first. */
const MAX_PATHS = 5_000;

/**
 * The anonymous Q&A pages: each cached QuestionData rendered once, and a fast path that sends those bytes
 * from the Q&A route's onRequest hook, before param validation, the preHandler hooks and the handler
 * (docs/decisions/0106-prerendered-pages.md, "The fast path").
 *
 * It never holds a page of its own: every hit asks the inquiry service for the question's cached data and
 * sends the page rendered from that very object, so the fast path serves exactly what the route would and
 * stops the moment the service drops or expires the entry. The route's own checks (canonical path, no
 * duplicate, anonymous viewer) are repeated; anything else falls through to the route unchanged.
 */
export function createQuestionPages(
  inquiry: Pick<QuestionService, 'cachedQuestion' | 'recordView'>,
  render: (data: QuestionData) => string,
) {
  // Keyed by the data object: a reloaded question is a new object and gets a new rendering; the old
  // one goes with its data.
  const rendered = new WeakMap<QuestionData, PrerenderedPage>();
  // Canonical path → question id, for the pages rendered so far. Only a lookup key: whether to serve
  // is decided from the service's cache on every request.
  const idsByPath = new Map<string, number>();

  function rememberPath(path: string, id: number) {
    idsByPath.delete(path);
    if (idsByPath.size >= MAX_PATHS) idsByPath.delete(idsByPath.keys().next().value!);
    idsByPath.set(path, id);
  }

  return {
    /** The page an anonymous reader gets for this data (the route only asks for canonical, non-duplicate ones). */
    anonymousPage(data: QuestionData): PrerenderedPage {
      let page = rendered.get(data);
      if (page === undefined) {
        page = prerenderPage(render(data));
        rendered.set(data, page);
        rememberPath(data.question.path, data.question.id);
      }
      return page;
    },

    /**
     * onRequest hook of the Q&A route. Runs after the app's onRequest hooks, so the security headers are
     * already on the reply and cookies are parsed; sendPrerenderedPage then sets the rest exactly as the
     * route does. A callback hook: a miss costs one Map lookup and no promise.
     */
    serveCached(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
      // request.url includes the query string, and no remembered path has one: a URL with a query
      // string, another slug or no slug misses here and is left to the route (which redirects or keeps it).
      const id = idsByPath.get(request.url);
      // HEAD is left to the route. A session cookie may name a viewer, who gets a page of their own; it
      // takes a database read to know, which is the route's business. No other cookie changes the page.
      if (id === undefined || request.method !== 'GET' || sessionToken(request) !== undefined) {
        done();
        return;
      }
      const data = inquiry.cachedQuestion(id);
      const page = data && rendered.get(data);
      // Not cached any more (expired, or a write dropped it), not rendered yet, merged into another
      // question, or its slug changed: the route loads, redirects or renders, and remembers again.
      if (!data || !page || data.duplicateOf !== null || data.question.path !== request.url) {
        idsByPath.delete(request.url);
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
