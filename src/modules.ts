/**
 * Wires the modules together once: each createXModule gets the database and the services it asks for, and
 * gives back its services, its routes and (where it has any) its links in the header menu. The app, the CLI
 * and tests all start here. The order is the direction of dependency: a module is created after those it uses.
 */
import { type AccountsModule, createAccountsModule, type Viewer } from './accounts';
import { createAlertsModule } from './alerts';
import { createApplicationsModule } from './applications';
import { createCitiesModule } from './cities';
import { createCompaniesModule } from './companies';
import type { AppConfig } from './config';
import { createHomeModule } from './home';
import { createInquiryModule } from './inquiry';
import { createJobsModule } from './jobs';
import { createMailModule, type MailLog, type MailTransport } from './mail';
import { createNotificationsModule, NOTIFICATIONS_PATH } from './notifications';
import type { DialectName } from './platform/db/connection';
import { type Invalidation, localInvalidation } from './platform/db/invalidation';
import type { AppDb } from './platform/db/tables';
import { createSearchEngine, type SearchEngine } from './platform/search';
import type { MenuLink } from './platform/web/chrome';
import { createPrivacyModule } from './privacy';
import { createRegionsModule } from './regions';
import { createResumesModule } from './resumes';
import { createSitemapModule } from './sitemap';
import { createStatutesModule } from './statutes';

export interface ModuleOptions {
  /** Where the outbox logs queued mail (the app passes its logger). */
  log?: MailLog;
  /** Replaces the outbox, e.g. with an SMTP transport. */
  mail?: MailTransport;
  /** Replaces the search engine of the dialect (the import bench measures an import without indexing). */
  searchEngine?: SearchEngine;
  /** The database's invalidation (DatabaseHandle.invalidation): caches forget what any process changed. */
  invalidation?: Invalidation;
}

export function createModules(db: AppDb, dialect: DialectName, config: AppConfig, options: ModuleOptions = {}) {
  const baseUrl = config.PUBLIC_BASE_URL;
  // Every cache of data another process can change subscribes here (decision 0122); a tool without one stays local.
  const invalidation = options.invalidation ?? localInvalidation();
  const mail = createMailModule(db, {
    log: options.log,
    transport: options.mail,
    // Mail goes out through the outbox's sender when there is a mail server (decision 0120).
    smtp: config.SMTP_URL
      ? { url: config.SMTP_URL, from: config.SMTP_FROM ?? `jobsite <no-reply@${new URL(baseUrl).hostname}>` }
      : undefined,
  });
  const accounts: AccountsModule = createAccountsModule(db, { mail: mail.transport, config });
  const regions = createRegionsModule(db, { invalidation });
  const notifications = createNotificationsModule(db, { mail: mail.transport, accounts: accounts.service, baseUrl });
  const statutes = createStatutesModule(db, { invalidation });
  const engine = options.searchEngine ?? createSearchEngine(dialect);
  const inquiry = createInquiryModule(db, {
    statutes: statutes.service,
    regions: regions.service,
    accounts: accounts.service,
    notifications: notifications.service,
    engine,
    baseUrl,
    invalidation,
  });
  const companies = createCompaniesModule(db, {
    regions: regions.service,
    accounts: accounts.service,
    mail: mail.transport,
    baseUrl,
  });
  const cities = createCitiesModule(db, { invalidation });
  const jobs = createJobsModule(db, {
    companies: companies.service,
    regions: regions.service,
    accounts: accounts.service,
    notifications: notifications.service,
    explainers: (keys) => inquiry.questions.shippedQuestionPaths(keys),
    takeHome: (input) => cities.estimateTakeHome(input),
    onTakeHomeChanged: (listener) => cities.onDataChanged(listener),
    engine,
    invalidation,
  });
  // Saved searches and job alerts: the board's new matches, notified once a day.
  const alerts = createAlertsModule(db, {
    jobs: jobs.board,
    regions: regions.service,
    notifications: notifications.service,
  });
  const resumes = createResumesModule(db, {
    regions: regions.service,
    companies: companies.service,
    filesDir: config.FILES_DIR,
  });
  // Applications: the seeker's application with a copy of their résumé, the employer's pipeline; it fills the job
  // page's apply panel and the responsiveness lines of job and company pages.
  const applications = createApplicationsModule(db, {
    jobs: jobs.applying,
    companies: companies.service,
    resumes: resumes.service,
    accounts: accounts.service,
    notifications: notifications.service,
    regions: regions.service,
    invalidation,
    log: options.log,
  });
  // Privacy, last: it only collects what each module keeps of a user, to export it and to have it forgotten.
  const privacy = createPrivacyModule({
    accounts: accounts.service,
    account: accounts.personalData,
    holders: [
      mail.personalData(async (id) => (await accounts.service.contactsOf([id]))[0]?.email ?? null),
      resumes.personalData,
      applications.personalData,
      alerts.personalData,
    ],
  });
  const home = createHomeModule();
  const sitemap = createSitemapModule({
    sources: [
      { name: 'pages', entries: async () => [{ versions: { en: '/', zh: '/' } }] },
      ...inquiry.sitemapSources,
      {
        // The library's pages exist in both languages (the statute text is Chinese in both).
        name: 'statutes',
        entries: async () =>
          (await statutes.service.sitemapEntries()).map((e) => ({
            versions: { en: e.path, zh: e.path },
            lastModified: e.lastModified,
          })),
      },
      ...companies.sitemapSources,
      ...jobs.sitemapSources,
      ...cities.sitemapSources,
    ],
  });

  return {
    mail,
    accounts,
    regions,
    notifications,
    statutes,
    inquiry,
    companies,
    jobs,
    alerts,
    resumes,
    applications,
    privacy,
    cities,
    home,
    sitemap,
    /** Every module's routes, for the app to register. */
    routes: [
      home.routes,
      inquiry.routes,
      statutes.routes,
      companies.routes,
      jobs.routes,
      alerts.routes,
      resumes.routes,
      applications.routes,
      privacy.routes,
      cities.routes,
      accounts.routes,
      notifications.routes,
      sitemap.routes,
    ],

    /** The header menu of a signed-in viewer: what each module offers them. */
    menuFor(viewer: Viewer, unreadNotifications: number): MenuLink[] {
      const bell: MenuLink = {
        href: NOTIFICATIONS_PATH,
        label: { key: 'nav.notifications' },
        order: 20,
        badge: unreadNotifications,
        ariaLabel: { key: 'nav.notificationsCount', params: { count: unreadNotifications } },
      };
      return [
        ...accounts.menu(viewer),
        bell,
        ...inquiry.menu(viewer),
        ...companies.menu(viewer),
        ...jobs.menu(viewer),
        ...cities.menu(viewer),
        ...resumes.menu(viewer),
        ...alerts.menu(viewer),
        ...applications.menu(viewer),
      ];
    },

    /** What must hold before serving: the search index built for the kinds as defined now. */
    prepare: async (onProgress?: (done: number, total: number) => void) => {
      const questions = await inquiry.prepare(onProgress);
      const jobIndex = await jobs.prepare(onProgress);
      return { rebuiltSearchIndex: questions.rebuiltSearchIndex || jobIndex.rebuiltSearchIndex };
    },
  };
}

export type Modules = ReturnType<typeof createModules>;
