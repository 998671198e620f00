// Contested areas in the OSCE area: who holds what, and each side's position in its own terms, each with a
// source. Concert takes no side: positions are reported, not judged; "administered by" states a fact on the
// ground, not a claim. Confidence "recalled" marks items to re-check against the named source.
import type { Confidence, IsoDate } from '../world/index.ts';

export interface Position {
  /** A state id, or the name of a non-state authority. */
  holder: string;
  position: string;
  source: string;
}

export interface ContestedArea {
  id: string;
  name: string;
  /** The state within whose internationally recognised borders the area lies (UN membership view). */
  recognisedAs: string;
  /** States concerned by the dispute. */
  states: string[];
  administeredBy: string;
  since: IsoDate;
  status: 'active' | 'changed';
  positions: Position[];
  international: string[];
  confidence: Confidence;
  note?: string;
}

export const CONTESTED_AREAS: readonly ContestedArea[] = [
  {
    id: 'transnistria',
    name: 'Transnistria (left bank of the Dniester)',
    recognisedAs: 'MDA',
    states: ['MDA', 'RUS', 'UKR'],
    administeredBy: 'de facto authorities in Tiraspol',
    since: '1992-07-21',
    status: 'active',
    positions: [
      {
        holder: 'MDA',
        position: 'An integral part of Moldova, for which a special legal status is to be negotiated.',
        source: 'Constitution of the Republic of Moldova (1994), Art. 111',
      },
      {
        holder: 'Tiraspol authorities',
        position:
          'An independent state ("Pridnestrovian Moldavian Republic"); not recognised by any UN member.',
        source: 'OSCE Mission to Moldova, background',
      },
      {
        holder: 'RUS',
        position:
          'Has not recognised its independence; keeps troops there under the 1992 ceasefire arrangements and takes part in the "5+2" settlement talks.',
        source: 'Agreement on the Principles of a Peaceful Settlement, Moscow, 1992-07-21',
      },
    ],
    international: [
      'Ceasefire agreement of 1992-07-21; Joint Control Commission and a Security Zone along the Dniester',
      'OSCE Mission to Moldova since 1993; "5+2" format (Moldova, Transnistria; OSCE, Russia, Ukraine; EU, US observers)',
    ],
    confidence: 'recalled',
  },
  {
    id: 'abkhazia',
    name: 'Abkhazia',
    recognisedAs: 'GEO',
    states: ['GEO', 'RUS'],
    administeredBy: 'de facto authorities in Sukhumi',
    since: '1993-09-30',
    status: 'active',
    positions: [
      {
        holder: 'GEO',
        position: 'Part of Georgia, occupied by Russia.',
        source: 'Law of Georgia on Occupied Territories (2008)',
      },
      {
        holder: 'RUS',
        position: 'An independent state, recognised by Russia on 2008-08-26 (and by a few other UN members).',
        source: 'Decree of the President of the Russian Federation, 2008-08-26',
      },
    ],
    international: [
      'Six-point ceasefire plan of 2008-08-12; EU Monitoring Mission in Georgia since 2008-10-01 (no access to the area)',
      'Geneva International Discussions since 2008-10 (co-chaired by the EU, OSCE and UN)',
    ],
    confidence: 'recalled',
  },
  {
    id: 'south-ossetia',
    name: 'South Ossetia (Tskhinvali region)',
    recognisedAs: 'GEO',
    states: ['GEO', 'RUS'],
    administeredBy: 'de facto authorities in Tskhinvali',
    since: '1992-06-24',
    status: 'active',
    positions: [
      {
        holder: 'GEO',
        position: 'Part of Georgia (the Tskhinvali region), occupied by Russia.',
        source: 'Law of Georgia on Occupied Territories (2008)',
      },
      {
        holder: 'RUS',
        position: 'An independent state, recognised by Russia on 2008-08-26.',
        source: 'Decree of the President of the Russian Federation, 2008-08-26',
      },
    ],
    international: [
      'Six-point ceasefire plan of 2008-08-12; EU Monitoring Mission in Georgia; Geneva International Discussions',
    ],
    confidence: 'recalled',
  },
  {
    id: 'crimea',
    name: 'Crimea and Sevastopol',
    recognisedAs: 'UKR',
    states: ['UKR', 'RUS'],
    administeredBy: 'RUS',
    since: '2014-03-18',
    status: 'active',
    positions: [
      {
        holder: 'UKR',
        position: 'Part of Ukraine, temporarily occupied by Russia since 2014.',
        source: 'Law of Ukraine on the temporarily occupied territory (2014)',
      },
      {
        holder: 'RUS',
        position:
          'Part of the Russian Federation since the treaty of 2014-03-18, after the referendum of 2014-03-16.',
        source: 'Treaty on the accession of the Republic of Crimea to the Russian Federation, 2014-03-18',
      },
    ],
    international: [
      'UN General Assembly resolution 68/262 (2014-03-27), "Territorial integrity of Ukraine": the referendum has no validity (100 for, 11 against, 58 abstentions)',
    ],
    confidence: 'recalled',
  },
  {
    id: 'ukraine-2022',
    name: 'Donetsk, Luhansk, Zaporizhzhia and Kherson regions (parts)',
    recognisedAs: 'UKR',
    states: ['UKR', 'RUS'],
    administeredBy: 'RUS (the parts under its control)',
    since: '2022-09-30',
    status: 'active',
    positions: [
      {
        holder: 'UKR',
        position:
          'Parts of Ukraine under temporary occupation; the 2022 "referendums" and annexation are void.',
        source: 'Statements of the Government of Ukraine, 2022-09-30',
      },
      {
        holder: 'RUS',
        position: 'Parts of the Russian Federation under the treaties of 2022-09-30.',
        source: 'Treaties of 2022-09-30 on the accession of four regions',
      },
    ],
    international: [
      'UN General Assembly resolution ES-11/4 (2022-10-12): the attempted annexation has no validity (143 for, 5 against, 35 abstentions)',
    ],
    confidence: 'recalled',
  },
  {
    id: 'nagorno-karabakh',
    name: 'Nagorno-Karabakh',
    recognisedAs: 'AZE',
    states: ['AZE', 'ARM'],
    administeredBy: 'AZE',
    since: '2023-09-20',
    status: 'changed',
    positions: [
      {
        holder: 'AZE',
        position: 'Part of Azerbaijan; sovereignty fully restored after the operation of 2023-09-19/20.',
        source: 'Statements of the Government of Azerbaijan, 2023-09-20',
      },
      {
        holder: 'ARM',
        position:
          "Recognises Azerbaijan's territorial integrity on the basis of the 1991 Alma-Ata Declaration; raises the rights and return of the Karabakh Armenians.",
        source:
          'Statement after the Prague meeting of 2022-10-06 (Armenia, Azerbaijan, France, European Council)',
      },
    ],
    international: [
      'UN Security Council resolutions 822, 853, 874 and 884 (1993); OSCE Minsk Group (1992–2025)',
      'Ceasefire of 1994-05-12 (Bishkek); trilateral statement of 2020-11-10; the de facto authorities dissolved themselves as of 2024-01-01',
    ],
    confidence: 'recalled',
    note: 'History: an autonomous oblast of the Azerbaijan SSR with an Armenian majority; war 1988–1994, 2020 and 2023; most of its Armenian population left in 2023.',
  },
  {
    id: 'kosovo',
    name: 'Kosovo',
    recognisedAs: 'SRB',
    states: ['SRB', 'XKX'],
    administeredBy: 'Government of Kosovo (Pristina)',
    since: '2008-02-17',
    status: 'active',
    positions: [
      {
        holder: 'XKX',
        position:
          'An independent state since the declaration of 2008-02-17, recognised by about half of the UN members.',
        source: 'Declaration of Independence of Kosovo, 2008-02-17',
      },
      {
        holder: 'SRB',
        position:
          'The Autonomous Province of Kosovo and Metohija, part of Serbia under UN Security Council resolution 1244 (1999).',
        source: 'Constitution of Serbia (2006), preamble',
      },
    ],
    international: [
      'UN Security Council resolution 1244 (1999); UNMIK; KFOR',
      'ICJ advisory opinion of 2010-07-22: the declaration of independence did not violate international law',
      'EU-facilitated Belgrade–Pristina dialogue since 2011',
    ],
    confidence: 'recalled',
    note: 'Kosovo is not an OSCE participating State; Concert names it XKX (a user-assigned code) as its world data do.',
  },
  {
    id: 'northern-cyprus',
    name: 'Northern Cyprus',
    recognisedAs: 'CYP',
    states: ['CYP', 'TUR'],
    administeredBy: 'Turkish Cypriot authorities (recognised only by Türkiye)',
    since: '1974-08-16',
    status: 'active',
    positions: [
      {
        holder: 'CYP',
        position:
          'The whole island is the territory of the Republic of Cyprus; the north is not under its effective control.',
        source: 'Protocol No. 10 to the 2003 Act of Accession (EU law suspended in the north)',
      },
      {
        holder: 'TUR',
        position: 'Recognises the "Turkish Republic of Northern Cyprus" declared in 1983.',
        source: 'Statements of the Government of Türkiye',
      },
    ],
    international: [
      'UN Security Council resolution 541 (1983): the 1983 declaration is legally invalid',
      'UNFICYP and the UN buffer zone since 1974',
    ],
    confidence: 'recalled',
  },
];

export function contestedAreas(): readonly ContestedArea[] {
  return CONTESTED_AREAS;
}
