import { forbidden } from '../errors.ts';
import type { Actor, Role } from './logins.ts';

// Who may do what. Every state-changing route calls `authorize` before touching the database; reads need a
// login (any role). Secret ballots are never readable through the API by anyone but the delegation itself.
export type Action =
  | 'institution.create'
  | 'user.create'
  | 'session.open'
  | 'session.close'
  | 'agenda.add'
  | 'attendance.set'
  | 'motion.table'
  | 'poll.open'
  | 'poll.close'
  | 'vote.cast'
  | 'proxy.grant'
  | 'proxy.revoke';

export const PERMISSIONS: Record<Action, readonly Role[]> = {
  'institution.create': ['secretariat'],
  'user.create': ['secretariat'],
  'session.open': ['presidency', 'secretariat'],
  'session.close': ['presidency'],
  'agenda.add': ['presidency', 'secretariat'],
  // A delegate checks its own delegation in or out; the secretariat records attendance for any delegation.
  'attendance.set': ['delegate', 'secretariat'],
  // A delegate tables motions sponsored by its own delegation; the presidency tables motions of the chair.
  'motion.table': ['delegate', 'presidency'],
  'poll.open': ['presidency'],
  'poll.close': ['presidency'],
  // A delegate votes for its own delegation, or for another that handed it its vote (a proxy in force).
  'vote.cast': ['delegate'],
  // Only the granting delegation's own delegates hand its vote to another, or take it back.
  'proxy.grant': ['delegate'],
  'proxy.revoke': ['delegate'],
};

/**
 * Throws 403 unless the actor may take the action. `delegation`: the delegation the action is taken for
 * (attendance, sponsorship, a vote); a delegate may act only for its own, and only within its institution.
 */
export function authorize(
  actor: Actor,
  action: Action,
  scope: { delegation?: string | null; institution?: string } = {},
): void {
  if (!PERMISSIONS[action].includes(actor.role)) {
    throw forbidden(
      `${action} is not allowed for the ${actor.role} role (allowed: ${PERMISSIONS[action].join(', ')})`,
    );
  }
  if (actor.role !== 'delegate') return;
  if (scope.institution !== undefined && scope.institution !== actor.institutionId) {
    throw forbidden(`a delegate acts only in its own institution (${actor.institutionId})`);
  }
  if (scope.delegation !== undefined && scope.delegation !== actor.delegationId) {
    throw forbidden(`a delegate acts only for its own delegation (${actor.delegationId})`);
  }
}
