import { describe, expect, it } from 'vitest';
import { can } from './permissions';
import { ROLES } from './tables';

describe('can(actor, action)', () => {
  it('refuses everything to nobody', () => {
    for (const action of ['question.ask', 'answer.write', 'answer.review', 'users.manage'] as const) {
      expect(can(null, action)).toBe(false);
    }
  });

  it('lets every role ask and vote', () => {
    for (const role of ROLES) {
      expect(can({ role }, 'question.ask')).toBe(true);
      expect(can({ role }, 'answer.vote')).toBe(true);
    }
  });

  it('gives answering to experts, review to editors, and everything to admins', () => {
    const table = Object.fromEntries(
      ROLES.map((role) => [
        role,
        [can({ role }, 'answer.write'), can({ role }, 'answer.review'), can({ role }, 'users.manage')],
      ]),
    );
    expect(table).toEqual({
      member: [false, false, false],
      employer: [false, false, false],
      expert: [true, false, false],
      editor: [true, true, false],
      admin: [true, true, true],
    });
    expect(ROLES.filter((role) => can({ role }, 'answer.reviseAnyDraft'))).toEqual(['admin']);
  });

  it('lets employers act for companies, and editors and admins moderate the jobs board', () => {
    expect(ROLES.filter((role) => can({ role }, 'company.manage'))).toEqual(['employer']);
    expect(ROLES.filter((role) => can({ role }, 'jobs.moderate'))).toEqual(['editor', 'admin']);
  });
});
