/** URL slug from an English title; titles without Latin letters get no slug (the id alone is canonical). */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-[^-]*$/, (tail) => (tail.length > 1 ? tail : ''))
    .replace(/-+$/g, '');
}

export function questionPath(id: number, slug: string): string {
  return slug ? `/social-security/questions/${id}-${slug}` : `/social-security/questions/${id}`;
}

/** "12-some-slug" → {id: 12, slug: "some-slug"}; anything not starting with a plain id → null. */
export function parseQuestionParam(param: string): { id: number; slug: string } | null {
  const match = /^([1-9]\d{0,15})(?:-(.*))?$/.exec(param);
  if (!match) return null;
  const id = Number(match[1]);
  if (!Number.isSafeInteger(id)) return null;
  return { id, slug: match[2] ?? '' };
}

export function topicPath(slug: string): string {
  return `/social-security/topics/${slug}`;
}
