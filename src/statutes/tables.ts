import type { Generated, Selectable } from 'kysely';
import type { ModuleDb } from '../platform/db/tables';

export interface StatuteTable {
  id: Generated<number>;
  slug: string;
  title_zh: string;
  short_title_zh: string;
  title_en: string;
  short_title_en: string;
  level_zh: string;
  tier: string;
  /** JSON array of other names (zh and en) the citation parser accepts. */
  aliases_json: string;
  position: number;
}

/** The text of a statute as in force from `version_date`. Exactly one version per statute is current. */
export interface StatuteVersionTable {
  id: Generated<number>;
  statute_id: number;
  version_date: string;
  history_json: string;
  preamble_zh: string | null;
  source_ref: string;
  is_current: number;
  imported_at: string;
}

export interface ArticleTable {
  id: Generated<number>;
  statute_version_id: number;
  number: number;
  label_zh: string;
  /** The levels above the chapter, where a statute has them (the Civil Code's 编 and 分编). */
  part_zh: string | null;
  subpart_zh: string | null;
  chapter_zh: string | null;
  section_zh: string | null;
  text_zh: string;
}

export type StatuteRow = Selectable<StatuteTable>;
export type StatuteVersionRow = Selectable<StatuteVersionTable>;
export type ArticleRow = Selectable<ArticleTable>;

export interface ArticleChangeTable {
  id: Generated<number>;
  statute_id: number;
  from_version_id: number;
  to_version_id: number;
  article_number: number;
  change: 'changed' | 'added' | 'removed';
}

/** How an article of the previous version relates to the new version's, aligned by text (alignment.ts). */
export type MappingKind = 'unchanged' | 'moved' | 'changed' | 'split' | 'merged' | 'removed' | 'new';

export interface ArticleMappingTable {
  id: Generated<number>;
  statute_id: number;
  from_version_id: number;
  to_version_id: number;
  from_article_id: number | null;
  to_article_id: number | null;
  kind: MappingKind;
  /** Thousandths. */
  similarity: number;
}

/** The tables the statute library owns (docs/decisions/0110-the-house.md). */
export interface StatuteTables {
  statutes: StatuteTable;
  statute_versions: StatuteVersionTable;
  articles: ArticleTable;
  article_changes: ArticleChangeTable;
  article_mappings: ArticleMappingTable;
}

export const STATUTE_TABLES = [
  'statutes',
  'statute_versions',
  'articles',
  'article_changes',
  'article_mappings',
] as const satisfies readonly (keyof StatuteTables)[];

export type StatuteDb = ModuleDb<StatuteTables>;
