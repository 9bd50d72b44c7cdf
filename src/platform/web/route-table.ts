import type { FastifyInstance, HTTPMethods } from 'fastify';

/** One route as registered: what the property test of every route (src/routes.property.test.ts) drives. */
export interface RouteEntry {
  method: HTTPMethods;
  url: string;
}

const tables = new WeakMap<FastifyInstance, RouteEntry[]>();

/**
 * Starts recording the app's routes; call before any is registered. Fastify has no public list of its routes
 * (printRoutes is text for people), so the table is kept from its onRoute hook.
 */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) table.push({ method, url: route.url ?? route.path });
  });
}

/** The routes recorded for the app (empty if recordRoutes was not called). */
export function routesOf(app: FastifyInstance): readonly RouteEntry[] {
  return tables.get(app) ?? [];
}
