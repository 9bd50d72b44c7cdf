/**
 * Privacy: a user's data in one download (/account/export) and the deletion of their account (/account/delete).
 * It keeps no tables: it asks every module's PersonalDataHolder, then accounts. See CONTEXT.md.
 */
import type { FastifyInstance } from 'fastify';
import { privacyRoutes } from './routes';
import { createPrivacyService, type PrivacyDeps } from './service';

export type { PersonalDataHolder } from './holders';
export type { PrivacyService } from './service';

export function createPrivacyModule(deps: PrivacyDeps) {
  const service = createPrivacyService(deps);
  return {
    service,
    routes: (app: FastifyInstance) => privacyRoutes(app, { privacy: service }),
  };
}

export type PrivacyModule = ReturnType<typeof createPrivacyModule>;
