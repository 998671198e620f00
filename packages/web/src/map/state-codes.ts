// world-atlas names its features by ISO 3166-1 numeric code; the engine names states by ISO 3166-1 alpha-3.
// The table below pairs the two for the 57 OSCE participating States.
//
// Source: United Nations Statistics Division, "Standard country or area codes for statistical use (M49)",
// https://unstats.un.org/unsd/methodology/m49/overview/ (the numeric codes are those of ISO 3166-1), consulted
// 2026-12-01. Codes are three-digit strings with leading zeros, as world-atlas spells them.

export const NUMERIC_SOURCE = {
  title: 'Standard country or area codes for statistical use (M49)',
  publisher: 'United Nations Statistics Division',
  url: 'https://unstats.un.org/unsd/methodology/m49/overview/',
  consulted: '2026-12-01',
} as const;

/** ISO 3166-1 alpha-3 → numeric, for every OSCE participating State. */
export const NUMERIC_BY_STATE: Readonly<Record<string, string>> = {
  ALB: '008',
  AND: '020',
  ARM: '051',
  AUT: '040',
  AZE: '031',
  BLR: '112',
  BEL: '056',
  BIH: '070',
  BGR: '100',
  CAN: '124',
  HRV: '191',
  CYP: '196',
  CZE: '203',
  DNK: '208',
  EST: '233',
  FIN: '246',
  FRA: '250',
  GEO: '268',
  DEU: '276',
  GRC: '300',
  VAT: '336',
  HUN: '348',
  ISL: '352',
  IRL: '372',
  ITA: '380',
  KAZ: '398',
  KGZ: '417',
  LVA: '428',
  LIE: '438',
  LTU: '440',
  LUX: '442',
  MLT: '470',
  MDA: '498',
  MCO: '492',
  MNG: '496',
  MNE: '499',
  NLD: '528',
  MKD: '807',
  NOR: '578',
  POL: '616',
  PRT: '620',
  ROU: '642',
  RUS: '643',
  SMR: '674',
  SRB: '688',
  SVK: '703',
  SVN: '705',
  ESP: '724',
  SWE: '752',
  CHE: '756',
  TJK: '762',
  TUR: '792',
  TKM: '795',
  UKR: '804',
  GBR: '826',
  USA: '840',
  UZB: '860',
};

const STATE_BY_NUMERIC = new Map(
  Object.entries(NUMERIC_BY_STATE).map(([state, numeric]) => [numeric, state]),
);

/** The engine's state id for a world-atlas feature id, or undefined for countries outside the OSCE. */
export function stateForFeature(featureId: string | number | undefined): string | undefined {
  if (featureId === undefined) return undefined;
  return STATE_BY_NUMERIC.get(String(featureId).padStart(3, '0'));
}
