/**
 * Shared setup for end-to-end tests: the whole app on a real port and Debian's Chromium driven
 * by playwright-core. Without /usr/bin/chromium the suites skip with a message.
 */
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseHandle } from '../src/platform/db/connection';
import { openTestApp, sqliteEngine, type TestApp } from '../src/test-support/databases';

/**
 * Room for a browser test: a journey loads a dozen pages and runs axe on several, which on a loaded two-core
 * machine (load average 30) took several times the default 30 s. Time limits here catch a hang, not slowness.
 */
export const E2E_TIMEOUT = 180_000;

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(CHROMIUM_PATH);
if (!browserAvailable)
  console.warn(`${CHROMIUM_PATH} not found: end-to-end tests are skipped (apt-get install chromium).`);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--no-first-run',
    ],
  });
}

export interface RunningSite {
  baseUrl: string;
  app: FastifyInstance;
  /** The site's database, e.g. for signInAs(site, 'expert') from src/test-support/forms.ts. */
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** Serves the app with the shipped content on an SQLite file and a free port. */
export async function startSite(options: { demo: boolean } = { demo: true }): Promise<RunningSite> {
  const t: TestApp = await openTestApp(sqliteEngine, {
    seed: { dataDir: 'data', demoFile: options.demo ? 'data/demo/questions.json' : null },
  });
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { baseUrl: address, app: t.app, database: t.database, close: () => t.close() };
}

/** The site and the browser of one suite, set once its beforeAll ran. */
export interface SiteAndBrowser {
  site: RunningSite;
  browser: Browser;
}

/**
 * Starts the site and the browser before a suite's tests and closes both after them; call it in a describe
 * block and read `.site` and `.browser` inside the tests.
 */
export function siteAndBrowserForSuite(): SiteAndBrowser {
  const suite = {} as SiteAndBrowser;
  beforeAll(async () => {
    [suite.site, suite.browser] = await Promise.all([startSite(), launchBrowser()]);
  }, E2E_TIMEOUT);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.site?.close();
  });
  return suite;
}
