/**
 * Applications: a seeker applies to a job with a copy of their résumé; the employer moves it along a pipeline the
 * seeker can follow; every change kept and notified. See CONTEXT.md.
 */
import type { FastifyInstance } from 'fastify';
import { can, type Viewer } from '../accounts';
import { type AppDb, ownTables } from '../platform/db/tables';
import type { MenuLink } from '../platform/web/chrome';
import type { ApplicationsContext, ApplicationsDeps } from './deps';
import { applicationRoutes } from './routes';
import { createApplicationService } from './service';
import type { ApplicationTables } from './tables';
import { MY_APPLICATIONS_PATH } from './tell-seeker';

export type { ApplicationService } from './service';
export { APPLICATION_TABLES, type ApplicationTables } from './tables';

export function createApplicationsModule(
  db: AppDb,
  deps: ApplicationsDeps & Pick<ApplicationsContext, 'invalidation' | 'log'> & { now?: () => Date },
) {
  const service = createApplicationService({
    ...deps,
    db: ownTables<ApplicationTables>(db),
    now: deps.now ?? (() => new Date()),
  });
  // The job page's apply panel and the responsiveness lines of job and company pages.
  deps.jobs.provideApplyPanel((job, viewer) => service.applyPanel(job, viewer));
  deps.companies.provideResponsiveness((companyId) => service.companyResponsiveness(companyId));
  return {
    service,
    /** What the privacy module exports and forgets of a user here. */
    personalData: service.personalData,
    routes: (app: FastifyInstance) => applicationRoutes(app, { applications: service }),
    /** Seekers: a link to their applications. */
    menu(viewer: Viewer): MenuLink[] {
      return can(viewer, 'application.apply')
        ? [{ href: MY_APPLICATIONS_PATH, label: { key: 'applications.nav' }, order: 30 }]
        : [];
    },
  };
}

export type ApplicationsModule = ReturnType<typeof createApplicationsModule>;
