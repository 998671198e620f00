// The shapes of Concert's world data. Every figure carries the id of its source (see `Source`), so that any
// result computed from it can name where it came from.

/** ISO 3166-1 alpha-3 code, e.g. "DEU". States are named by these everywhere in Concert. */
export type StateId = string;
/** ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;
/** Key into `WorldData.sources`. */
export type SourceId = string;

export interface Source {
  id: SourceId;
  title: string;
  publisher: string;
  url?: string;
  /** Edition, vintage or retrieval date of the material used. */
  edition: string;
  note?: string;
}

/** How sure we are of a figure: verified against the source, or recalled from it and still to check. */
export type Confidence = 'verified' | 'recalled' | 'uncertain';

export interface Sourced<T> {
  value: T;
  source: SourceId;
  confidence?: Confidence;
  note?: string;
}

export type NuclearStatus =
  /** Nuclear-weapon state under the NPT (Art. IX(3)). */
  | 'npt-weapon-state'
  /** Hosts another state's nuclear weapons (NATO nuclear sharing, or Russian weapons in Belarus). */
  | 'host'
  | 'none';

export interface State {
  id: StateId;
  iso2: string;
  name: string;
  /** Date the state became a CSCE/OSCE participating State. */
  osceJoined: Sourced<IsoDate>;
  /** Total area in km² (land and inland water). */
  areaKm2: Sourced<number>;
  /** UN M49 region and sub-region. */
  region: Sourced<string>;
  subregion: Sourced<string>;
  /** Land neighbours among all states (ISO alpha-3), OSCE or not. */
  neighbours: Sourced<StateId[]>;
  nuclear: Sourced<NuclearStatus>;
}

/** A population series: one figure per state, all from one source and vintage. */
export interface PopulationSeries {
  id: string;
  title: string;
  source: SourceId;
  /** Reference year (or date) of the figures. */
  year: number;
  /** Persons, as integers. Not every series covers every state. */
  values: Record<StateId, number>;
  /** How sure we are of the series as a whole (e.g. figures derived from rounded shares are 'uncertain'). */
  confidence?: Confidence;
  note?: string;
}

export type MembershipEventType =
  /** Became a member (treaty in force for it / accession completed). */
  | 'joined'
  /** Ceased to be a member. */
  | 'left'
  /** Still a member, but its rights (vote, participation) are suspended or frozen. */
  | 'suspended'
  /** A suspension ended. */
  | 'reinstated';

export interface MembershipEvent {
  state: StateId;
  type: MembershipEventType;
  date: IsoDate;
  source: SourceId;
  confidence?: Confidence;
  note?: string;
}

export interface Organisation {
  id: string; // "NATO", "EU", "CSTO", "CIS", "EAEU", "COE", "OSCE", "WEU"
  name: string;
  founded: Sourced<IsoDate>;
  dissolved?: Sourced<IsoDate>;
  events: MembershipEvent[];
}

/** A legally binding collective-defence clause and the period it was in force. */
export interface DefenceClause {
  id: string; // "nato-art5", "weu-art5", "eu-art42-7", "csto-art4", or a bilateral treaty id
  title: string; // "North Atlantic Treaty, Art. 5"
  /** Multilateral clauses protect the members of an organisation; bilateral ones name their parties. */
  kind: 'multilateral' | 'bilateral';
  organisation?: string;
  parties?: StateId[];
  /** Obligation to assist, or only a right to. */
  nature: 'obligation' | 'right';
  inForce: { from: IsoDate; to?: IsoDate };
  /** Plain-language summary of what it obliges, in Concert's own words. */
  summary: string;
  source: SourceId;
  confidence?: Confidence;
  note?: string;
}

export interface WorldData {
  dataset: { id: string; version: string; compiled: IsoDate };
  sources: Record<SourceId, Source>;
  states: State[];
  populations: PopulationSeries[];
  organisations: Organisation[];
  defenceClauses: DefenceClause[];
}
