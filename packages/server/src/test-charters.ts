// A small charter with a secret ballot (no built-in charter has one), for tests.
export const SECRET_CHARTER = `
id: quintet
name: Quintet Council (test charter)
summary: Five states deciding by secret ballot.
status: { kind: draft }
reference_date: 2026-01-01
legal_nature: { kind: political, cite: test }
scope: { dimensions: [politico-military], cite: test }
members: { states: [DEU, FRA, ITA, ESP, POL], cite: test }
bodies:
  - id: council
    name: Council
    cite: test
    presidency: { description: Six-month terms in alphabetical order of member ids., cite: test }
    categories:
      - id: election
        name: Elections
        cite: test
        ballot: secret
        rule:
          all:
            - quorum: { weight: count, more_than: "1/2" }
              label: Quorum
            - quota: { weight: count, more_than: "1/2", of: voting }
              label: Majority of those voting
      - id: weighted
        name: Population-weighted decisions
        cite: test
        ballot: roll-call
        rule:
          quota: { weight: population_thousands, at_least: "65%" }
          label: Population
accession: { open_to: nobody, objectors: none, ratification: none, cite: test }
withdrawal: { allowed: true, conditions: none, cite: test }
`;

/** Six states in three subregions; both categories need a majority of the members in at least 2 of them. */
export const CAUCUS_CHARTER = `
id: sextet
name: Sextet Council (test charter)
summary: Six states deciding by regional majorities.
status: { kind: draft }
reference_date: 2026-01-01
legal_nature: { kind: political, cite: test }
scope: { dimensions: [politico-military], cite: test }
members: { states: [DEU, FRA, NLD, ITA, ESP, POL], cite: test }
bodies:
  - id: council
    name: Council
    cite: test
    categories:
      - id: open
        name: Open decisions
        cite: test
        ballot: roll-call
        rule:
          groups: { by: subregion, at_least: 2, rule: { quota: { weight: count, more_than: "1/2" } } }
          label: Regions
      - id: secret
        name: Secret decisions
        cite: test
        ballot: secret
        rule:
          groups: { by: subregion, at_least: 2, rule: { quota: { weight: count, more_than: "1/2" } } }
          label: Regions
accession: { open_to: nobody, objectors: none, ratification: none, cite: test }
withdrawal: { allowed: true, conditions: none, cite: test }
`;

/** Eight states: five in Western Europe, two in Southern, one in Eastern; a secret regional-majority rule. */
export const OCTET_CHARTER = `
id: octet
name: Octet Council (test charter)
summary: Eight states deciding by secret ballot and regional majorities.
status: { kind: draft }
reference_date: 2026-01-01
legal_nature: { kind: political, cite: test }
scope: { dimensions: [politico-military], cite: test }
members: { states: [AUT, BEL, DEU, FRA, NLD, ITA, ESP, POL], cite: test }
bodies:
  - id: council
    name: Council
    cite: test
    categories:
      - id: secret
        name: Secret decisions
        cite: test
        ballot: secret
        rule:
          groups: { by: subregion, at_least: 2, rule: { quota: { weight: count, more_than: "1/2" } } }
          label: Regions
accession: { open_to: nobody, objectors: none, ratification: none, cite: test }
withdrawal: { allowed: true, conditions: none, cite: test }
`;
