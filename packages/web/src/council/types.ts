/** The shapes the council room reads from the platform's API (packages/server/src/routes). */

export type Choice = 'yes' | 'no' | 'abstain';
export type Vote = Choice | 'absent';

export interface SessionSummary {
  id: number;
  institution: string;
  body: string;
  title: string;
  status: 'open' | 'closed';
  createdAt: string;
}

export interface Motion {
  id: number;
  session: number;
  agendaItem: number | null;
  category: string;
  text: string;
  sponsor: string | null;
  parties: string[];
  createdAt: string;
}

export interface PollSummary {
  id: number;
  motion: number;
  ballot: 'roll-call' | 'secret';
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  adopted: boolean | null;
}

export interface SessionDetail extends SessionSummary {
  agenda: { id: number; position: number; title: string }[];
  attendance: { delegation: string; present: boolean; since: string }[];
  motions: Motion[];
  polls: PollSummary[];
}

export interface Category {
  id: string;
  name: string;
  ballot: 'roll-call' | 'secret';
}

export interface Institution {
  id: string;
  name: string;
  adoptedOn: string;
  members: number;
  bodies: { id: string; name: string; categories: Category[] }[];
}

export interface InstitutionSummary {
  id: string;
  name: string;
}

export interface Delegation {
  id: string;
  memberId: string;
  name: string;
}

/** One clause of the engine's explanation; a secret poll's published aggregate has no `text` or members. */
export interface Clause {
  op: string;
  depth: number;
  met: boolean;
  label?: string;
  cite?: string;
  text?: string;
  weight?: string;
  value?: number;
  baseTotal?: number;
  threshold?: number;
  thresholdText?: string;
  group?: string;
}

export interface PublishedResult {
  adopted: boolean;
  tally: Record<Vote, number>;
  rule: { cite: string; description?: string };
  clauses: Clause[];
  warnings: string[];
  recused: string[];
  /** Roll-call polls only: the engine's whole decision. */
  ballots?: { id: string; name?: string; vote: Vote }[];
  pivotal?: { id: string; from: Vote; to: Vote[] }[];
  toPass?: { size: number | null; sets: string[][]; proven: boolean };
}

export interface Poll {
  id: number;
  motion: number;
  session: number;
  category: string;
  ballot: 'roll-call' | 'secret';
  status: 'open' | 'closed';
  voted: string[];
  tally: Record<Choice, number> | null;
  ownVote: Choice | null;
  result: PublishedResult | null;
}

export interface Criterion {
  label?: string;
  op: string;
  depth: number;
  weight: string;
  side: string;
  base: string;
  group?: string;
  value: number;
  baseTotal: number;
  threshold: number;
  thresholdText?: string;
  met: boolean;
  distance: number;
}

export interface Scenario {
  adopted: boolean;
  criteria: Criterion[];
}

export interface Standing {
  motion: number;
  poll: { id: number; status: string; ballot: string } | null;
  eligible: number;
  present: string[];
  absent: string[];
  voted: string[];
  notVoted: string[];
  recused: string[];
  scenarios: { presence: Scenario; current?: Scenario; ceiling?: Scenario };
}
