/**
 * What applications show on other modules' pages: the job page's apply panel (registered with jobs:
 * provideApplyPanel) and the responsiveness line of a job and a company (companies: provideResponsiveness).
 */
import { can, type Viewer } from '../accounts';
import type { ApplyPanel } from '../jobs';
import type { Message } from '../platform/web/messages';
import type { ApplicationsContext } from './deps';
import * as repo from './repository';
import { responsiveness, WINDOW_DAYS } from './responsiveness';
import type { FigureOf } from './responsiveness-cache';
import { MY_APPLICATIONS_PATH } from './tell-seeker';

const DAY_MS = 24 * 60 * 60 * 1000;

export const applyPath = (jobId: number) => `/jobs/${jobId}/apply`;

export function createPanels(ctx: ApplicationsContext) {
  const { db } = ctx;

  function responsivenessLine(of: FigureOf): Promise<Message | null> {
    return ctx.figures.line(of, () => countedLine(of));
  }

  async function countedLine(of: FigureOf): Promise<Message | null> {
    const now = ctx.now();
    const since = new Date(now.getTime() - WINDOW_DAYS * DAY_MS).toISOString();
    const figure = responsiveness(await repo.replyRecords(db, of, since), now);
    if (!figure) return null;
    return figure.medianDays === null
      ? { key: 'applications.responsiveness.none', params: { counted: figure.counted } }
      : {
          key: 'applications.responsiveness.figure',
          params: { percent: figure.percent, days: figure.medianDays, counted: figure.counted },
        };
  }

  async function applyPanel(job: { id: number; companyId: number; open: boolean }, viewer: Viewer | null) {
    const lines: ApplyPanel['lines'] = [];
    let form: ApplyPanel['form'] = null;
    const mine = viewer ? await repo.findOfSeekerForJob(db, viewer.id, job.id) : undefined;
    if (mine) {
      lines.push({
        text: {
          key: 'applications.panel.applied',
          params: { at: Date.parse(mine.created_at), status: mine.status },
        },
        link: MY_APPLICATIONS_PATH,
      });
    } else if (job.open && !viewer) {
      lines.push({
        text: { key: 'applications.panel.signIn' },
        link: `/account/sign-in?next=${encodeURIComponent(applyPath(job.id))}`,
      });
    } else if (job.open && viewer && can(viewer, 'application.apply')) {
      const [blocked, choices] = await Promise.all([
        ctx.resumes.hasBlocked(viewer.id, job.companyId),
        ctx.resumes.choices(viewer.id),
      ]);
      if (blocked) lines.push({ text: { key: 'applications.panel.blocked' }, link: null });
      else if (!choices.hasProfile)
        lines.push({ text: { key: 'applications.panel.noProfile' }, link: '/account/resume' });
      else
        form = {
          action: applyPath(job.id),
          button: { key: 'applications.panel.apply' },
          choose: { text: { key: 'applications.panel.choose' }, link: applyPath(job.id) },
        };
    }
    const figure = await responsivenessLine({ jobId: job.id });
    if (figure) lines.push({ text: figure, link: null });
    if (lines.length === 0 && !form) return null;
    return { heading: { key: 'applications.panel.heading' }, lines, form } satisfies ApplyPanel;
  }

  return {
    applyPanel,
    /** The company's line on its profile, from all its jobs' applications. */
    companyResponsiveness: (companyId: number) => responsivenessLine({ companyId }),
  };
}
