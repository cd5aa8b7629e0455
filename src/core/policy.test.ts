import { describe, expect, it } from 'vitest';
import { can, programWriteMode, type Actor, type Role, type Action } from './policy.ts';

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  userId: 'u', name: 'n', role, regionCode: role === 'national_admin' ? null : '64.02', opdId: null, assessorRegions: [], via: 'session', ...extra,
});
const own = { regionCode: '64.02', opdId: 'opd-a' };
const foreign = { regionCode: '64.01', opdId: 'opd-x' };

describe('policy', () => {
  it('the public may do nothing beyond reading published data', () => {
    for (const a of ['region.readUnpublished', 'masterplan.write', 'program.propose', 'audit.read'] as Action[]) expect(can(null, a, own)).toBe(false);
  });

  it('nobody but a national admin acts in a foreign region', () => {
    for (const role of ['coordinator', 'bappeda', 'opd_officer', 'council'] as Role[]) {
      for (const a of ['region.readUnpublished', 'masterplan.write', 'opd.write', 'program.write', 'program.propose', 'change.decide', 'user.manage', 'audit.read'] as Action[]) {
        expect(can(actor(role, { opdId: 'opd-x' }), a, foreign), `${role} ${a}`).toBe(false);
      }
    }
    expect(can(actor('national_admin'), 'program.write', foreign)).toBe(true);
  });

  it('coordinator manages everything of the region; Bappeda plans and approves but not users or audit', () => {
    expect(can(actor('coordinator'), 'user.manage', own)).toBe(true);
    expect(can(actor('coordinator'), 'audit.read', own)).toBe(true);
    expect(can(actor('bappeda'), 'change.decide', own)).toBe(true);
    expect(can(actor('bappeda'), 'masterplan.write', own)).toBe(true);
    expect(can(actor('bappeda'), 'user.manage', own)).toBe(false);
    expect(can(actor('bappeda'), 'audit.read', own)).toBe(false);
    expect(can(actor('coordinator'), 'masterplan.create', own)).toBe(false);
  });

  it('an OPD officer proposes drafts for the programs of their own OPD only', () => {
    const officer = actor('opd_officer', { opdId: 'opd-a' });
    expect(programWriteMode(officer, own)).toBe('draft');
    expect(programWriteMode(officer, { regionCode: '64.02', opdId: 'opd-b' })).toBe(null);
    expect(programWriteMode(actor('opd_officer'), own)).toBe(null);
    expect(programWriteMode(actor('coordinator'), own)).toBe('direct');
    expect(can(officer, 'change.decide', own)).toBe(false);
  });

  it('assessors read the regions assigned to them; council reads its own region; neither writes', () => {
    const assessor = actor('assessor', { regionCode: null, assessorRegions: ['64.01'] });
    expect(can(assessor, 'region.readUnpublished', foreign)).toBe(true);
    expect(can(assessor, 'region.readUnpublished', own)).toBe(false);
    expect(can(actor('council'), 'region.readUnpublished', own)).toBe(true);
    for (const a of ['masterplan.write', 'program.write', 'program.propose', 'change.decide'] as Action[]) {
      expect(can(assessor, a, foreign)).toBe(false);
      expect(can(actor('council'), a, own)).toBe(false);
    }
  });
});
