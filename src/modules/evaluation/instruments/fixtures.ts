// Test fixtures of instrument files.

/** A small valid instrument; tests break one thing at a time. Line numbers below refer to it. */
export const SMALL = `id: kecil-2025
version: "1"
kind: smart-city
name: {id: Instrumen kecil, en: Small instrument}
year: 2025
group: uji
scale: {min: 0, max: 5}
source: test fixture
ownWording: true
components:
  - key: output
    name: {id: Output, en: Output}
    weight: 60%
    aspects:
      - key: output.kebijakan
        name: {id: Kebijakan, en: Policy}
        weight: 1
        indicators:
          - key: output.masterplan
            name: {id: Masterplan ditetapkan, en: Masterplan adopted}
            dimension: governance
            weight: 1
            levels:
              - level: 0
                description: {id: Belum ada, en: None yet}
              - level: 5
                description: {id: Ditetapkan, en: Adopted}
                evidence: {id: Perbup, en: Regulation}
  - key: quickwin
    name: {id: Quick Win, en: Quick Win}
    weight: 0.4
    aspects:
      - key: quickwin.a
        name: {id: Pelaksanaan, en: Delivery}
        weight: "1/1"
        indicators:
          - key: quickwin.economy
            name: {id: Quick win ekonomi, en: Economy quick win}
            dimension: economy
            weight: 100%
            suggestFrom: quick-win-progress
            levels:
              - level: 0
                description: {id: Tidak ada, en: None}
              - level: 5
                description: {id: Selesai, en: Done}
`;
