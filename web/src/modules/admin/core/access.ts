import type { Me, Role, User } from '../../../core/api/types.ts';

export type Access = {
  user: User;
  /** May see the region in the console (incl. unpublished programs). */
  view: boolean;
  /** Masterplan, readiness, programs, KPIs, budgets, quick wins (coordinator, Bappeda, national admin). */
  edit: boolean;
  /** OPD officer: may propose changes to the programs their OPD leads. */
  propose: boolean;
  /** OPDs of the region (coordinator, national admin). */
  opds: boolean;
  decide: boolean;
  users: boolean;
  audit: boolean;
};

const EDITORS: Role[] = ['national_admin', 'coordinator', 'bappeda'];

/**
 * What the console offers for a region. Region lists come from Me.can (the server's answer);
 * the role narrows what the lists do not say (e.g. Bappeda edits programs but not OPDs).
 */
export function accessTo(me: Me, code: string): Access | null {
  const user = me.user;
  if (!user) return null;
  const all = me.can.allRegions || user.role === 'national_admin';
  const listed = (l: string[] | undefined) => all || (l ?? []).includes(code);
  const own = all || user.regionCode === code || user.assessorRegions.includes(code) || (me.can.readUnpublishedRegions ?? []).includes(code);
  const editRegion = listed(me.can.editRegions);
  return {
    user,
    view: own,
    edit: editRegion && EDITORS.includes(user.role),
    propose: user.role === 'opd_officer' && user.regionCode === code && Boolean(user.opdId),
    opds: editRegion && (user.role === 'coordinator' || user.role === 'national_admin'),
    decide: listed(me.can.decideRegions),
    users: listed(me.can.manageUsersRegions),
    audit: listed(me.can.auditRegions),
  };
}

/** How this user may change a program: directly, as a draft for approval, or not at all. */
export function programMode(a: Access | null, leadOpdId: string | null): 'direct' | 'draft' | null {
  if (!a) return null;
  if (a.edit) return 'direct';
  if (a.propose && leadOpdId && leadOpdId === a.user.opdId) return 'draft';
  return null;
}

/** Regions the user works in (national admins choose from the participants). */
export function homeRegions(me: Me): string[] {
  const u = me.user;
  if (!u) return [];
  return [...new Set([u.regionCode, ...u.assessorRegions].filter((c): c is string => Boolean(c)))];
}
