import type { Generated, Selectable } from 'kysely';

export const COMPANY_STATUSES = ['pending', 'verified', 'refused'] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];

/** Industries a company is filed under (the jobs board filters by them). Labels: `company.industry.<key>`. */
export const INDUSTRIES = [
  'internet',
  'manufacturing',
  'finance',
  'education',
  'healthcare',
  'retail',
  'logistics',
  'construction',
  'hospitality',
  'professional-services',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** Head-count bands, as Chinese job sites show them (少于50人 …). Labels: `company.size.<key>`. */
export const COMPANY_SIZES = ['1-49', '50-149', '150-499', '500-999', '1000+'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

export type CompanyOrigin = 'demo' | 'user';
export type MemberRole = 'owner' | 'member';

/** An employer's company, as its profile shows it. */
export interface CompanyTable {
  id: Generated<number>;
  slug: string;
  name_zh: string;
  name_en: string;
  /** 统一社会信用代码, 18 characters, upper case, check character verified (credit-code.ts). */
  credit_code: string;
  industry: Industry;
  size: CompanySize;
  /** The city it is in (regions). */
  region_code: string;
  description_en_md: Generated<string>;
  description_zh_md: Generated<string>;
  website: string | null;
  status: Generated<CompanyStatus>;
  origin: CompanyOrigin;
  /** Stable key of shipped (demo) content, so loading it twice adds nothing. */
  source_key: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** Who may act for a company: its owner (who created it) and colleagues they invited. */
export interface CompanyMemberTable {
  company_id: number;
  user_id: number;
  role: MemberRole;
  created_at: string;
}

/** An e-mailed invitation to join a company; only the SHA-256 of the link's token is stored. */
export interface CompanyInviteTable {
  id: Generated<number>;
  company_id: number;
  email: string;
  token_hash: string;
  invited_by: number | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: number | null;
}

/** An editor's or admin's verification decision, kept. */
export interface CompanyDecisionTable {
  id: Generated<number>;
  company_id: number;
  decision: 'verified' | 'refused';
  reason: Generated<string>;
  decided_by: number | null;
  decided_at: string;
}

export interface CompanyTables {
  companies: CompanyTable;
  company_members: CompanyMemberTable;
  company_invites: CompanyInviteTable;
  company_decisions: CompanyDecisionTable;
}

export const COMPANY_TABLES = [
  'companies',
  'company_members',
  'company_invites',
  'company_decisions',
] as const satisfies readonly (keyof CompanyTables)[];

export type CompanyRow = Selectable<CompanyTable>;
