import { type DesignInput, type DesignResult, designSearch } from '@concert/engine';
import { UsageError } from '../errors.ts';
import { gameForJob, type PowerJob } from './power-job.ts';

export interface DesignJob {
  game: Omit<PowerJob, 'options'>;
  alphas: number[];
  quotas: number[];
  countQuotas: (number | null)[];
  goals: DesignInput['goals'];
}

export interface DesignJobResult extends DesignResult {
  game: string;
  members: string[];
}

/** The members (after recusal) and populations of the body named, searched over the grid asked for. */
export function designInputFor(job: DesignJob): DesignInput & { label: string } {
  const { game } = gameForJob({ ...job.game, options: {} });
  if (!game.population) {
    throw new UsageError(
      'design search needs a population for every member',
      'use a charter whose members are OSCE states, or a game file whose players have a "population" attribute',
    );
  }
  return {
    label: game.label,
    ids: game.ids,
    population: game.population,
    alphas: job.alphas,
    quotas: job.quotas,
    countQuotas: job.countQuotas,
    goals: job.goals,
  };
}

export function runDesignJob(job: DesignJob, control: Parameters<typeof designSearch>[1]): DesignJobResult {
  const input = designInputFor(job);
  return { ...designSearch(input, control), game: input.label, members: input.ids };
}
