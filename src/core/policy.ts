/**
 * Who may do what: the one access rule of Pilar, a pure function. Services call it before
 * every read of unpublished data and every write; the UI gets its answers through /api/me.
 */
export type Role = 'national_admin' | 'coordinator' | 'bappeda' | 'opd_officer' | 'assessor' | 'council';

export interface Actor {
  userId: string | null;
  name: string;
  role: Role;
  /** Null for national admins. */
  regionCode: string | null;
  opdId: string | null;
  assessorRegions: string[];
  via: 'session' | 'token';
}

export type Action =
  | 'region.readUnpublished'
  | 'masterplan.create'
  | 'masterplan.write'
  | 'opd.write'
  | 'program.write'
  | 'program.propose'
  | 'program.delete'
  | 'quickwin.write'
  | 'change.decide'
  | 'user.manage'
  | 'audit.read'
  // Monitoring (issue 5): reporting periods, progress reports and their review.
  | 'period.manage'
  | 'report.write'
  | 'report.review'
  // Evidence files (monitoring reports, evaluation answers).
  | 'file.upload'
  // Connectivity planner (issue 6): scenarios of a region.
  | 'connectivity.plan'
  // Evaluation (issue 7): cycle, self-assessment, assessor validation, publication.
  | 'evaluation.open'
  | 'evaluation.selfAssess'
  | 'evaluation.validate'
  | 'evaluation.finalize'
  // Evaluation instruments are national: only the national admin imports them.
  | 'evaluation.instrument';

export interface Target {
  regionCode: string;
  /** The lead OPD of the program concerned, for OPD officers. */
  opdId?: string | null;
}

const EDITORS: Role[] = ['coordinator', 'bappeda'];

export function can(actor: Actor | null, action: Action, target: Target): boolean {
  if (!actor) return false;
  if (actor.role === 'national_admin') return true;
  const own = actor.regionCode === target.regionCode;
  switch (action) {
    case 'region.readUnpublished':
      if (actor.role === 'assessor') return actor.assessorRegions.includes(target.regionCode);
      return own;
    case 'masterplan.create':
    case 'evaluation.instrument':
      return false;
    case 'masterplan.write':
    case 'program.write':
    case 'program.delete':
    case 'quickwin.write':
    case 'change.decide':
      return own && EDITORS.includes(actor.role);
    case 'opd.write':
    case 'user.manage':
    case 'audit.read':
      return own && actor.role === 'coordinator';
    case 'program.propose':
      // OPD officers propose changes to the programs their own OPD leads.
      return own && actor.role === 'opd_officer' && !!actor.opdId && actor.opdId === target.opdId;
    case 'period.manage':
    case 'report.review':
    case 'connectivity.plan':
    case 'evaluation.open':
    case 'evaluation.selfAssess':
      return own && EDITORS.includes(actor.role);
    case 'report.write':
      // Editors report on any program of their region; an officer on the programs of their OPD.
      if (own && EDITORS.includes(actor.role)) return true;
      return own && actor.role === 'opd_officer' && !!actor.opdId && actor.opdId === target.opdId;
    case 'file.upload':
      return own && (EDITORS.includes(actor.role) || (actor.role === 'opd_officer' && !!actor.opdId))
        || (actor.role === 'assessor' && actor.assessorRegions.includes(target.regionCode));
    case 'evaluation.validate':
    case 'evaluation.finalize':
      // Assessors validate and finalise only the regions assigned to them.
      return actor.role === 'assessor' && actor.assessorRegions.includes(target.regionCode);
  }
}

/** Programs may be changed directly, or proposed as a draft, or not at all. */
export function programWriteMode(actor: Actor | null, target: Target): 'direct' | 'draft' | null {
  if (can(actor, 'program.write', target)) return 'direct';
  if (can(actor, 'program.propose', target)) return 'draft';
  return null;
}
