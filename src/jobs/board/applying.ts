/**
 * What the jobs module offers the applications module (which comes after it and may not be imported here): the
 * jobs people apply to, described, and a place on the job page for the apply panel it provides
 * (`provideApplyPanel`, registered in src/modules.ts's order of creation). Until one is provided the page shows
 * no panel.
 */
import type { Viewer } from '../../accounts';
import type { Message } from '../../platform/web/messages';
import type { JobsContext } from '../deps';
import { isExpired } from '../posting/expiry';
import { jobPath } from './cards';
import { isOpen } from './dates';

/**
 * A job as an application sees it. `open`: taking applications (published, before its last day, company not
 * refused); `expired`, `paused`, `closed` as the page says; `unavailable`: never public (draft, under review,
 * rejected) or its company refused.
 */
export interface JobForApplication {
  id: number;
  companyId: number;
  titleEn: string | null;
  titleZh: string | null;
  path: string;
  state: 'open' | 'expired' | 'paused' | 'closed' | 'unavailable';
}

/**
 * The job page's apply panel, in the provider's words (its messages, so this module holds none of its texts): a
 * heading, lines (the viewer's application and where it stands, why they cannot apply, the employer's
 * responsiveness), each maybe a link, and the one-click form (POST with CSRF) with a link to the page where a
 * file or a note is chosen first (works without JavaScript).
 */
export interface ApplyPanel {
  heading: Message;
  lines: { text: Message; link: string | null }[];
  form: { action: string; button: Message; choose: { text: Message; link: string } } | null;
}

export type ApplyPanelProvider = (
  job: { id: number; companyId: number; open: boolean },
  viewer: Viewer | null,
) => Promise<ApplyPanel | null>;

/** `pages`: the board's cached job pages (page-cache.ts), which show the panel. */
export function createApplying(ctx: JobsContext, pages: { forgetJob(id: number): void }) {
  let provider: ApplyPanelProvider = async () => null;
  return {
    /** These jobs as applications see them, by id (unknown ids left out). */
    async describe(ids: number[]): Promise<Map<number, JobForApplication>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await ctx.db
        .selectFrom('jobs')
        .select(['id', 'company_id', 'status', 'title_en', 'title_zh', 'slug', 'valid_through'])
        .where('id', 'in', unique)
        .execute();
      const companies = await ctx.companies.describe(rows.map((r) => r.company_id));
      const now = ctx.now();
      return new Map(
        rows.map((row) => {
          const company = companies.get(row.company_id);
          const refused = company === undefined || company.status === 'refused';
          const state: JobForApplication['state'] = refused
            ? 'unavailable'
            : isOpen(row, false, now)
              ? 'open'
              : row.status === 'published' && isExpired(row, now)
                ? 'expired'
                : row.status === 'paused' || row.status === 'closed'
                  ? row.status
                  : 'unavailable';
          return [
            row.id,
            {
              id: row.id,
              companyId: row.company_id,
              titleEn: row.title_en,
              titleZh: row.title_zh,
              path: jobPath(row.id, row.slug),
              state,
            },
          ];
        }),
      );
    },
    /** The applications module shows its panel on the job page. */
    provideApplyPanel(next: ApplyPanelProvider) {
      provider = next;
    },
    panelFor: (job: { id: number; companyId: number; open: boolean }, viewer: Viewer | null) => provider(job, viewer),
    /**
     * The provider's panel of these jobs changed (an application submitted, withdrawn or moved: the responsiveness
     * line is counted again): their cached anonymous pages are rendered again at the next view.
     */
    applicationsChanged(jobIds: readonly number[]): void {
      for (const id of jobIds) pages.forgetJob(id);
    },
  };
}

export type JobApplying = ReturnType<typeof createApplying>;
