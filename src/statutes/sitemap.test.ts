import { describe, expect, it } from 'vitest';
import { type StoredArticleText, sitemapEntriesOf } from './sitemap';

/** Rows as the repository gives them: one per article of each stored version. */
function version(slug: string, id: number, date: string, current: boolean, texts: Record<number, string>) {
  return Object.entries(texts).map(
    ([number, text]): StoredArticleText => ({
      slug,
      version_id: id,
      version_date: date,
      is_current: current ? 1 : 0,
      number: Number(number),
      text_zh: text,
    }),
  );
}

describe('sitemapEntriesOf', () => {
  const rows = [
    ...version('a-law', 3, '2018-12-29', true, {
      1: '第一款。\n第二款。',
      2: '改过的。',
      3: '新增的。',
      5: '又回来了。',
    }),
    ...version('a-law', 2, '2010-10-28', false, { 1: '第一款。 第二款。', 2: '原来的。', 4: '删掉的。' }),
    ...version('a-law', 1, '2005-01-01', false, { 1: '第一款。第二款。', 5: '又回来了。' }),
    ...version('b-rules', 4, '2020-01-01', true, { 1: '唯一的版本。' }),
  ];

  it('lists the library, each statute at its version in force, then its articles', () => {
    expect(sitemapEntriesOf(rows)).toEqual([
      { path: '/laws', lastModified: '2020-01-01' },
      { path: '/laws/a-law', lastModified: '2018-12-29' },
      // Unchanged since 2005 but for line breaks and spaces, which are layout, not law.
      { path: '/laws/a-law/articles/1', lastModified: '2005-01-01' },
      { path: '/laws/a-law/articles/2', lastModified: '2018-12-29' },
      { path: '/laws/a-law/articles/3', lastModified: '2018-12-29' },
      // Gone in 2010 and back in 2018: it changed in 2018, whatever 2005 said.
      { path: '/laws/a-law/articles/5', lastModified: '2018-12-29' },
      { path: '/laws/b-rules', lastModified: '2020-01-01' },
      { path: '/laws/b-rules/articles/1', lastModified: '2020-01-01' },
    ]);
  });

  it('leaves out articles removed from the version in force, and statutes with none in force', () => {
    const paths = sitemapEntriesOf([...rows, ...version('c-old', 5, '1999-01-01', false, { 1: '旧的。' })]).map(
      (e) => e.path,
    );
    expect(paths).not.toContain('/laws/a-law/articles/4');
    expect(paths.some((p) => p.startsWith('/laws/c-old'))).toBe(false);
  });

  it('is empty for an empty library', () => {
    expect(sitemapEntriesOf([])).toEqual([]);
  });
});
