import type { SitemapEntry } from '../../platform/web/sitemap-xml';
import type { InquiryDb } from '../tables';
import { questionPath, topicPath } from './slug';

/**
 * The center's pages for the sitemap: every topic in both languages, and every answered question once per
 * translation group, each language version at its own path (a question without a translation is listed in its
 * own language only: its page in the other language points its canonical there).
 */
export function inquirySitemapSources(db: InquiryDb) {
  return [
    {
      name: 'topics',
      async entries(): Promise<SitemapEntry[]> {
        const topics = await db.selectFrom('topics').select('slug').orderBy('position').execute();
        const center: SitemapEntry = { versions: { en: '/social-security', zh: '/social-security' } };
        return [center, ...topics.map((t) => ({ versions: { en: topicPath(t.slug), zh: topicPath(t.slug) } }))];
      },
    },
    {
      name: 'questions',
      async entries(): Promise<SitemapEntry[]> {
        const rows = await db
          .selectFrom('questions')
          .select(['id', 'slug', 'locale', 'translation_of_id', 'updated_at'])
          .where('status', '=', 'answered')
          .where('duplicate_of_id', 'is', null)
          .orderBy('id')
          .execute();
        const groups = new Map<number, SitemapEntry>();
        for (const row of rows) {
          const key = row.translation_of_id ?? row.id;
          const entry = groups.get(key) ?? { versions: {} };
          entry.versions[row.locale] ??= questionPath(row.id, row.slug);
          if (!entry.lastModified || row.updated_at > entry.lastModified) entry.lastModified = row.updated_at;
          groups.set(key, entry);
        }
        return [...groups.values()];
      },
    },
  ];
}
