/**
 * axe-core in the page under test. Our CSP forbids inline scripts, which is how axe is injected, so
 * audit in a context made with `bypassCSP: true` (see auditContext), never in the one a journey runs in.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
}

/**
 * Violations on the page as it is now, each as "rule: selectors": serious and critical ones, or of any impact
 * with `{ all: true }`.
 */
export async function axeViolations(page: Page, options: { all?: boolean } = {}): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run());
  return result.violations
    .filter((v) => options.all || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A context for axe only, signed in as `signedIn` is (its cookies), with the CSP bypassed. */
export async function auditContext(browser: Browser, signedIn?: BrowserContext): Promise<BrowserContext> {
  return browser.newContext({ bypassCSP: true, storageState: signedIn ? await signedIn.storageState() : undefined });
}
