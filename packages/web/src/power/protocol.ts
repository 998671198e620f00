// Messages between the power lab and its worker. Everything here is plain data (structured clone carries BigInt),
// so the worker needs only the pure power and rules modules, not the charter parser.
import type { DesignInput, DesignResult, Player, PowerResult, Rule } from '@concert/engine';

export type PowerRequest =
  | { type: 'analyse'; players: Player[]; rule: Rule; label: string }
  | { type: 'design'; input: DesignInput };

export type PowerReply =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'analysed'; result: PowerResult; verdict: string[] }
  | { type: 'designed'; result: DesignResult }
  | { type: 'failed'; message: string; hint?: string };

export type Outcome = Extract<PowerReply, { type: 'analysed' } | { type: 'designed' }>;
