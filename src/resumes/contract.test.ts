/** The contract the applications module relies on (choices, snapshotForApplication, openFile, hasBlocked, blockersOf). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp, testEngines } from '../test-support/databases';
import { minimalPdf } from '../test-support/files';
import { signInAs } from '../test-support/forms';
import { sampleProfile } from './testing';

describe.each(testEngines)('the résumés contract ($name)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('offers nothing before a profile, then the profile and the files; snapshots copy the file text', async () => {
    const resumes = t.modules.resumes.service;
    const seeker = await signInAs(t, 'member');
    expect(await resumes.choices(seeker.user.id)).toEqual({ hasProfile: false, files: [] });
    expect(await resumes.snapshotForApplication(seeker.user.id, null)).toBeNull();

    await resumes.saveProfile(seeker.user.id, sampleProfile());
    const file = await resumes.upload(seeker.user.id, {
      name: 'C:\\cv\\zhang.pdf',
      bytes: minimalPdf('Forklift licence'),
    });
    expect(file.name).toBe('zhang.pdf');
    expect(await resumes.choices(seeker.user.id)).toEqual({ hasProfile: true, files: [file] });

    const snapshot = await resumes.snapshotForApplication(seeker.user.id, file.id);
    expect(snapshot?.profile.fullName).toBe('张伟');
    expect(snapshot?.file).toEqual(file);
    expect(snapshot?.text).toContain('Forklift licence');
    expect(snapshot?.text).toContain('Dispatcher');

    const other = await signInAs(t, 'member');
    expect(await resumes.snapshotForApplication(other.user.id, file.id)).toBeNull();
    await resumes.saveProfile(other.user.id, sampleProfile());
    expect(await resumes.snapshotForApplication(other.user.id, file.id)).toBeNull();

    const opened = await resumes.openFile(file.id, seeker.user.id);
    expect(opened?.name).toBe('zhang.pdf');
    expect(opened?.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await resumes.openFile(file.id, other.user.id)).toBeNull();
    expect(await resumes.openFile('../../etc/passwd', seeker.user.id)).toBeNull();
  });

  it('knows which companies a seeker blocked', async () => {
    const resumes = t.modules.resumes.service;
    const seeker = await signInAs(t, 'member');
    const at = new Date().toISOString();
    const { id: companyId } = await t.db
      .insertInto('companies')
      .values({
        slug: `blocked-${seeker.user.id}`,
        name_zh: '屏蔽测试有限公司',
        name_en: 'Blocked Test Ltd',
        credit_code: `TEST${seeker.user.id}`.padEnd(18, '0'),
        industry: 'retail',
        size: '1-49',
        region_code: 'CN-GD-SZ',
        origin: 'user',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await resumes.hasBlocked(seeker.user.id, companyId)).toBe(false);
    await resumes.block(seeker.user.id, companyId);
    await resumes.block(seeker.user.id, companyId);
    expect(await resumes.hasBlocked(seeker.user.id, companyId)).toBe(true);
    expect([...(await resumes.blockersOf(companyId, [seeker.user.id, seeker.user.id + 1000]))]).toEqual([
      seeker.user.id,
    ]);
    expect([...(await resumes.blockersOf(companyId))]).toEqual([seeker.user.id]);
    expect((await resumes.blockersOf(companyId, [])).size).toBe(0);
    expect((await resumes.blocked(seeker.user.id)).map((b) => b.company.nameEn)).toEqual(['Blocked Test Ltd']);
    expect((await resumes.findCompanies('blocked test')).map((c) => c.id)).toContain(companyId);
    await resumes.unblock(seeker.user.id, companyId);
    expect(await resumes.hasBlocked(seeker.user.id, companyId)).toBe(false);
  });
});
