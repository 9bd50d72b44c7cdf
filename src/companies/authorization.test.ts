import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, Viewer } from '../accounts';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';
import { type Cookies, postForm, signInAs, testIp } from '../test-support/forms';
import { newCreditCode } from './testing';

let names = 0;
const companyForm = (overrides: Record<string, string> = {}) => {
  names += 1;
  return {
    nameZh: `北京测试科技有限公司${names}`,
    nameEn: `Beijing Test Technology ${names}`,
    creditCode: newCreditCode(),
    industry: 'internet',
    size: '50-149',
    city: 'CN-BJ',
    website: '',
    descriptionEn: '',
    descriptionZh: '',
    ...overrides,
  };
};

/** Who asks: the roles of accounts, and for employers, how they stand to company A. */
const ACTORS = [
  'anonymous',
  'member',
  'employer of another company',
  'employer member of A',
  'employer owner of A',
  'expert',
  'editor',
  'admin',
] as const;
type ActorName = (typeof ACTORS)[number];
const EMPLOYERS: ActorName[] = ['employer of another company', 'employer member of A', 'employer owner of A'];
const MODERATORS: ActorName[] = ['editor', 'admin'];

describe.each(testEngines)('who may write to companies, on $name', (engine) => {
  let t: TestApp;
  const actors = new Map<ActorName, { cookies: Cookies; user: Viewer | null }>();
  let slugA: string;
  let idA: number;

  const get = (url: string, cookies: Cookies = {}) => t.app.inject({ method: 'GET', url, cookies });
  const post = (url: string, fields: Record<string, string>, cookies: Cookies) =>
    postForm(t.app, url, fields, cookies, { remoteAddress: testIp() }).then((r) => r.response);
  const outbox = () => t.db.selectFrom('outbox').selectAll().orderBy('id').execute();

  /** Everything a write could change, to prove a refused one changed nothing. */
  const snapshot = async () => ({
    companies: await t.db.selectFrom('companies').selectAll().orderBy('id').execute(),
    members: await t.db.selectFrom('company_members').selectAll().orderBy('company_id').orderBy('user_id').execute(),
    invites: await t.db.selectFrom('company_invites').selectAll().orderBy('id').execute(),
    decisions: await t.db.selectFrom('company_decisions').selectAll().orderBy('id').execute(),
    outbox: (await outbox()).length,
  });

  async function createCompany(cookies: Cookies): Promise<{ slug: string; id: number }> {
    const response = await post('/employer/companies/new', companyForm(), cookies);
    expect(response.statusCode).toBe(303);
    const slug = (response.headers.location as string).split('/').pop()!;
    const { id } = await t.db.selectFrom('companies').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    return { slug, id };
  }

  /** A mailed invitation's token (read from the mail, as the invitee would). */
  async function inviteToken(email: string, slug = slugA): Promise<string> {
    const before = (await outbox()).length;
    const owner = actors.get('employer owner of A')!;
    const response = await post(`/employer/companies/${slug}/invites`, { email, locale: 'en' }, owner.cookies);
    expect(response.statusCode).toBe(303);
    const mail = (await outbox())[before]!;
    return mail.body.match(/\/employer\/invites\/([A-Za-z0-9_-]{43})/)![1]!;
  }

  beforeAll(async () => {
    t = await openTestApp(engine);
    actors.set('anonymous', { cookies: {}, user: null });
    const roleOf: Record<Exclude<ActorName, 'anonymous'>, Role> = {
      member: 'member',
      'employer of another company': 'employer',
      'employer member of A': 'employer',
      'employer owner of A': 'employer',
      expert: 'expert',
      editor: 'editor',
      admin: 'admin',
    };
    for (const [name, role] of Object.entries(roleOf)) actors.set(name as ActorName, await signInAs(t, role));
    ({ slug: slugA, id: idA } = await createCompany(actors.get('employer owner of A')!.cookies));
    await createCompany(actors.get('employer of another company')!.cookies);
    const member = actors.get('employer member of A')!.user!;
    const accepted = await post(
      `/employer/invites/${await inviteToken(member.email)}`,
      {},
      actors.get('employer member of A')!.cookies,
    );
    expect(accepted.statusCode).toBe(303);
  });
  afterAll(async () => t?.close());

  type Send = (cookies: Cookies) => Promise<{ statusCode: number; body: string }>;
  interface WriteRoute {
    name: string;
    allowed: ActorName[];
    /** Arranges what the request needs (a fresh company, an invitation) and gives the request to make. */
    arrange(actor: ActorName): Promise<Send>;
  }

  const companyA = () => t.db.selectFrom('companies').selectAll().where('id', '=', idA).executeTakeFirstOrThrow();
  const freshCompany = () => createCompany(actors.get('employer of another company')!.cookies);

  const writes: WriteRoute[] = [
    {
      name: 'POST /employer/companies/new',
      allowed: EMPLOYERS,
      arrange: async () => (cookies) => post('/employer/companies/new', companyForm(), cookies),
    },
    {
      name: 'POST /employer/companies/A/edit',
      allowed: ['employer member of A', 'employer owner of A'],
      arrange: async () => {
        const a = await companyA();
        const size = a.size === '1-49' ? '1000+' : '1-49';
        const fields = companyForm({ nameEn: a.name_en, nameZh: a.name_zh, size });
        return (cookies) => post(`/employer/companies/${slugA}/edit`, fields, cookies);
      },
    },
    {
      name: 'POST /employer/companies/A/invites',
      allowed: ['employer owner of A'],
      arrange: async () => (cookies) =>
        post(`/employer/companies/${slugA}/invites`, { email: 'colleague@example.test', locale: 'zh' }, cookies),
    },
    {
      name: 'POST /employer/invites/:token (an invitation to their own address)',
      allowed: EMPLOYERS,
      arrange: async (actor) => {
        // To a company of its own, so that accepting does not make the actor a member of A for later cases.
        const { slug } = await createCompany(actors.get('employer owner of A')!.cookies);
        const token = await inviteToken(actors.get(actor)?.user?.email ?? 'someone@example.test', slug);
        return (cookies) => post(`/employer/invites/${token}`, {}, cookies);
      },
    },
    {
      name: 'POST /moderation/companies/:id/verify',
      allowed: MODERATORS,
      arrange: async () => {
        const { id } = await freshCompany();
        return (cookies) => post(`/moderation/companies/${id}/verify`, {}, cookies);
      },
    },
    {
      name: 'POST /moderation/companies/:id/refuse',
      allowed: MODERATORS,
      arrange: async () => {
        const { id } = await freshCompany();
        return (cookies) =>
          post(`/moderation/companies/${id}/refuse`, { reason: 'The registry has no such company.' }, cookies);
      },
    },
  ];

  it.each(writes.flatMap((route) => ACTORS.map((actor) => ({ route, actor }))))(
    '$route.name as $actor',
    async ({ route, actor }) => {
      const send = await route.arrange(actor);
      const before = await snapshot();
      const response = await send(actors.get(actor)!.cookies);
      if (route.allowed.includes(actor)) {
        expect(response.statusCode).toBe(303);
        expect(await snapshot()).not.toEqual(before);
      } else {
        expect(response.statusCode).toBe(actor === 'anonymous' ? 401 : 403);
        // The refused write left no trace.
        expect(await snapshot()).toEqual(before);
      }
    },
  );

  const pages = [
    { name: 'GET /employer/companies/new', url: () => '/employer/companies/new', allowed: EMPLOYERS },
    {
      name: 'GET /employer/companies/A/edit',
      url: () => `/employer/companies/${slugA}/edit`,
      allowed: ['employer member of A', 'employer owner of A'],
    },
    { name: 'GET /moderation/companies', url: () => '/moderation/companies', allowed: MODERATORS },
  ];

  it.each(pages.flatMap((page) => ACTORS.map((actor) => ({ page, actor }))))(
    '$page.name as $actor',
    async ({ page, actor }) => {
      const response = await get(page.url(), actors.get(actor)!.cookies);
      if (page.allowed.includes(actor)) expect(response.statusCode).toBe(200);
      else if (actor === 'anonymous') {
        expect(response.statusCode).toBe(303);
        expect(response.headers.location).toMatch(/^\/account\/sign-in\?next=/);
      } else expect(response.statusCode).toBe(403);
    },
  );

  it('shows the verification link in the header to editors and admins only', async () => {
    for (const actor of ACTORS) {
      const body = (await get('/companies', actors.get(actor)!.cookies)).body;
      expect(body.includes('href="/moderation/companies"'), actor).toBe(MODERATORS.includes(actor));
    }
  });

  it('lets an employer of company B neither edit nor invite for company A', async () => {
    const other = actors.get('employer of another company')!;
    const before = await snapshot();
    const edit = await post(`/employer/companies/${slugA}/edit`, companyForm({ nameEn: 'Hijacked' }), other.cookies);
    expect(edit.statusCode).toBe(403);
    expect(edit.body).toContain('You do not act for this company.');
    expect(
      (await post(`/employer/companies/${slugA}/invites`, { email: 'x@example.test', locale: 'en' }, other.cookies))
        .statusCode,
    ).toBe(403);
    expect(await snapshot()).toEqual(before);
    expect(await t.modules.companies.service.isMember(other.user!.id, idA)).toBe(false);
  });
});
