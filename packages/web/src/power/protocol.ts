// Messages between the power worker and the two views that use it (the power lab, the map's power colouring).
// Everything here is plain data (structured clone carries BigInt), so the worker needs only the pure power and
// rules modules, not the charter parser.
import type { DesignInput, DesignResult, Player, PowerIndex, PowerResult, Rule } from '@concert/engine';

export type PowerRequest =
  | {
      type: 'analyse';
      players: Player[];
      rule: Rule;
      label: string;
      /** The map needs only the Banzhaf index and no coalition counts; the lab asks for everything (the default). */
      indices?: PowerIndex[];
      minimalWinning?: boolean;
    }
  | { type: 'design'; input: DesignInput };

export type PowerReply =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'analysed'; result: PowerResult; verdict: string[] }
  | { type: 'designed'; result: DesignResult }
  | { type: 'failed'; message: string; hint?: string };

export type Outcome = Extract<PowerReply, { type: 'analysed' } | { type: 'designed' }>;
