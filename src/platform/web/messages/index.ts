/**
 * Every string a user reads comes from the catalogues, one per language, in files by area (en/, zh/), in ICU
 * MessageFormat (`{name}`, `{count, plural, …}`). The Chinese catalogue has the same keys: the type makes a
 * missing one a compile error, and messages.test.ts fails on a key either has that the other has not, or that no
 * code uses. Services never write sentences: they name a message key and its parameters, written in the reader's
 * language when shown (i18n.ts).
 */
import { accounts } from './en/accounts';
import { alerts } from './en/alerts';
import { answering } from './en/answering';
import { applications } from './en/applications';
import { cities } from './en/cities';
import { companies } from './en/companies';
import { employer } from './en/employer';
import { errors } from './en/errors';
import { inquiry } from './en/inquiry';
import { jobs } from './en/jobs';
import { notifications } from './en/notifications';
import { privacy } from './en/privacy';
import { resumes } from './en/resumes';
import { site } from './en/site';
import { statutes } from './en/statutes';
import { accounts as zhAccounts } from './zh/accounts';
import { alerts as zhAlerts } from './zh/alerts';
import { answering as zhAnswering } from './zh/answering';
import { applications as zhApplications } from './zh/applications';
import { cities as zhCities } from './zh/cities';
import { companies as zhCompanies } from './zh/companies';
import { employer as zhEmployer } from './zh/employer';
import { errors as zhErrors } from './zh/errors';
import { inquiry as zhInquiry } from './zh/inquiry';
import { jobs as zhJobs } from './zh/jobs';
import { notifications as zhNotifications } from './zh/notifications';
import { privacy as zhPrivacy } from './zh/privacy';
import { resumes as zhResumes } from './zh/resumes';
import { site as zhSite } from './zh/site';
import { statutes as zhStatutes } from './zh/statutes';

const en = {
  ...site,
  ...inquiry,
  ...answering,
  ...statutes,
  ...accounts,
  ...notifications,
  ...errors,
  ...companies,
  ...jobs,
  ...employer,
  ...cities,
  ...alerts,
  ...resumes,
  ...privacy,
  ...applications,
} as const;

export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number>;
export type Catalogue = Record<MessageKey, string>;

const zh: Catalogue = {
  ...zhSite,
  ...zhInquiry,
  ...zhAnswering,
  ...zhStatutes,
  ...zhAccounts,
  ...zhNotifications,
  ...zhErrors,
  ...zhCompanies,
  ...zhJobs,
  ...zhEmployer,
  ...zhCities,
  ...zhAlerts,
  ...zhResumes,
  ...zhPrivacy,
  ...zhApplications,
};

export const catalogues: { en: Catalogue; zh: Catalogue } = { en, zh };

const keys: ReadonlySet<string> = new Set(Object.keys(en));

export function isMessageKey(key: string): key is MessageKey {
  return keys.has(key);
}

/** A message to show: its key and parameters (a refusal, a citation's problem, a notification). */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}
