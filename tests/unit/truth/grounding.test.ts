import { describe, expect, it } from 'vitest';
import { createWordNetLexicon } from '../../../electron/services/truth/wordnet';
import type { Cv } from '../../../shared/model/cv';
import { buildGroundingIndex, checkEdit, type TruthFinding } from '../../../shared/truth';
import { checkLetter } from '../../../shared/letter/check';
import { aliasLookupOf, spellsAcronym } from '../../../shared/truth/grounding';
import { loadDictionary } from '../../../electron/services/jobs/load-dictionary';

const lexicon = createWordNetLexicon();

const CV: Cv = {
  basics: { name: 'Ada Byrne', summary: 'Data engineer.' },
  work: [
    {
      id: 'w1',
      name: 'Acme Logistics',
      position: 'Senior Data Engineer',
      startDate: '2019-03',
      endDate: '2024-03',
      highlights: [
        'Cut pipeline costs by 35% ($800K a year) by moving batch jobs to spot instances.',
        'Mentored 3 analysts on SQL.',
        'Contributed to the Kafka migration with the platform team.',
        'Reached the final of the company hackathon.',
      ],
    },
    {
      id: 'w2',
      name: 'Globex',
      position: 'Data Engineer',
      startDate: '2016-01',
      endDate: '2019-02',
      highlights: ['Built dbt models for the finance reports.'],
    },
  ],
  languages: [{ language: 'German', fluency: 'B2' }],
};
const JOB =
  'Lead Data Engineer. You will build with React and Terraform and present monthly results to the board.';

const bullet = (index: number): string => CV.work?.[0].highlights?.[index] ?? '';
/** The test CV with one bullet in its first job, and a check of a rewrite of that bullet. */
const withBullet = (text: string): Cv => ({ ...CV, work: [{ ...CV.work![0], highlights: [text] }] });
const checkBullet = (original: string, replacement: string): TruthFinding[] =>
  check('work[0].highlights[0]', original, replacement, withBullet(original));
const check = (path: string, original: string, replacement: string, cv: Cv = CV): TruthFinding[] =>
  checkEdit({ original, replacement, path, sourceCv: cv, jobText: JOB, lexicon });
const kinds = (findings: TruthFinding[]) => findings.map((finding) => `${finding.kind}:${finding.text}`);
/** The findings of a one-sentence letter written from the CV for the job. */
const letterFindings = (sentence: string, cv: Cv = CV): TruthFinding[] =>
  checkLetter(
    { greeting: 'Dear team,', paragraphs: [sentence], closing: 'Kind regards,' },
    { cv, jobText: JOB, fallbackGreeting: 'Dear Hiring Manager,', lexicon },
  ).findings;
const letterFindingTexts = (sentence: string): string[] =>
  letterFindings(sentence).map((finding) => finding.text);

describe('grounding', () => {
  it('reads a role the CV writes, a denied posting item and an inflected frequency in a German letter', () => {
    const cv: Cv = {
      basics: {
        name: 'Jan Petersen',
        summary:
          'Fachkrankenpfleger für Intensivpflege. Praxisanleiter mit Schwerpunkt Beatmung und Hygiene.',
      },
      work: [
        {
          name: 'Klinikum Hamburg-Nord',
          position: 'Fachkrankenpfleger Intensivpflege',
          startDate: '2019-10',
          highlights: ['Durchführung monatlicher Händehygiene-Beobachtungen auf der Intensivstation.'],
        },
      ],
    };
    const letter = (sentence: string) =>
      checkLetter(
        {
          greeting: 'Sehr geehrte Damen und Herren,',
          paragraphs: [sentence],
          closing: 'Mit freundlichen Grüßen',
        },
        {
          cv,
          jobText: 'Fachkrankenpfleger Intensivpflege (m/w/d). Erfahrung mit ECMO ist ein Plus.',
          fallbackGreeting: 'Sehr geehrte Damen und Herren,',
          lexicon,
        },
      ).findings.map((finding) => `${finding.kind}:${finding.text}`);
    expect(
      letter(
        'Als Praxisanleiter führe ich auf der Intensivstation monatliche Händehygiene-Beobachtungen durch. Mit ECMO habe ich bisher nicht gearbeitet.',
      ),
    ).toEqual([]);
    expect(letter('Als Stationsleiter arbeite ich täglich mit ECMO.').join(' ')).toMatch(/ECMO/);
  });

  it('lets manner words and a completed degree through in French and German, never a new fact', () => {
    const cv: Cv = {
      basics: { name: 'Léa Martin', summary: 'Chargée de communication.' },
      work: [
        {
          name: 'Agglomération Rhône-Sud',
          position: 'Chargée de communication',
          startDate: '2021-01',
          highlights: ['Rédaction des communiqués de presse.'],
        },
      ],
      education: [
        { institution: 'Université Lyon 2', studyType: 'Master', area: 'Communication', endDate: '2018-06' },
      ],
    };
    const original = 'Rédaction des communiqués de presse.';
    expect(
      check('work[0].highlights[0]', original, 'Rédaction rigoureuse des communiqués de presse.', cv),
    ).toEqual([]);
    expect(
      check(
        'basics.summary',
        'Chargée de communication.',
        'Chargée de communication, diplômée d’un master en communication.',
        cv,
      ),
    ).toEqual([]);
    expect(
      check(
        'work[0].highlights[0]',
        original,
        'Rédaction rigoureuse des communiqués et des discours du maire.',
        cv,
      ).length,
    ).toBeGreaterThan(0);
    // An adjective of a noun the CV uses ("institutionnels" of "institution").
    const press: Cv = {
      ...cv,
      work: [{ ...cv.work![0], highlights: ['Rédaction des communiqués de presse de l’institution.'] }],
    };
    expect(check('basics.label', '', 'Chargée de communication institutionnelle', press)).toEqual([]);
  });

  it("takes a letter's rung from what the person did, not from a degree, a quoted name or someone else's role", () => {
    const cv: Cv = {
      basics: { name: 'Ada Byrne', summary: 'HR business partner for manufacturing sites.' },
      work: [
        {
          name: 'Halden Foods',
          position: 'HR Business Partner',
          startDate: '2020-02',
          highlights: [
            'Partner the operations director and six site managers.',
            "Delivered 'Managing Absence' workshops to 90 line managers.",
            'Led the consultation on a shift-pattern change.',
          ],
        },
      ],
      education: [
        {
          institution: 'Aston University',
          area: 'Business Management',
          studyType: 'BSc',
          endDate: '2014-07',
        },
      ],
    };
    expect(letterFindings('I led a shift-pattern consultation and supported the site managers.', cv)).toEqual(
      [],
    );
    expect(letterFindings('I manage a team of HR advisers.', cv).map((finding) => finding.kind)).toContain(
      'scope',
    );
  });

  it('reads a credential named in capitals before a hyphen as a name to ground ("ALS-zertifiziert")', () => {
    const cv: Cv = {
      basics: {
        name: 'Jan Petersen',
        summary: 'Fachkrankenpfleger auf einer interdisziplinären Intensivstation.',
      },
      work: [
        {
          name: 'Klinikum',
          position: 'Fachkrankenpfleger',
          startDate: '2019-10',
          highlights: ['Pflege beatmeter Patienten.'],
        },
      ],
      certificates: [{ name: 'Immediate Life Support (ILS)', date: '2023-02' }],
    };
    const summary = 'Fachkrankenpfleger auf einer interdisziplinären Intensivstation.';
    expect(
      check(
        'basics.summary',
        summary,
        'Fachkrankenpfleger, ILS-zertifiziert, auf einer interdisziplinären Intensivstation.',
        cv,
      ),
    ).toEqual([]);
    expect(
      kinds(
        check(
          'basics.summary',
          summary,
          'Fachkrankenpfleger, ALS-zertifiziert, auf einer interdisziplinären Intensivstation.',
          cv,
        ),
      ).join(' '),
    ).toMatch(/ALS/);
  });

  it('reads the first part of a German compound list as a thing, never as wording', () => {
    const bullet =
      'Erstellung von Jahresabschlüssen sowie Einkommen-, Gewerbe- und Umsatzsteuererklärungen für etwa 30 Mandanten.';
    const cv: Cv = {
      basics: {
        name: 'Anna Brenner',
        summary: 'Steuerfachangestellte mit Erfahrung in der Mandantenbetreuung.',
      },
      work: [
        {
          name: 'Brenner & Partner',
          position: 'Steuerfachangestellte',
          startDate: '2018-08',
          highlights: [bullet],
        },
      ],
    };
    expect(
      kinds(check('work[0].highlights[0]', bullet, bullet.replace('Einkommen-', 'Körperschaft-'), cv)).join(
        ' ',
      ),
    ).toMatch(/Körperschaft/);
  });

  it('reads "durchgeführt" as carried out and "betreuen" of patients as care, not as leading', () => {
    const cv: Cv = {
      basics: {
        name: 'Jan Petersen',
        summary: 'Fachkrankenpfleger auf einer interdisziplinären Intensivstation.',
      },
      work: [
        {
          name: 'Klinikum Hamburg-Nord',
          position: 'Fachkrankenpfleger Intensivpflege',
          startDate: '2019-10',
          highlights: [
            'Pflege und Überwachung beatmeter Patientinnen und Patienten auf einer Intensivstation mit 18 Betten.',
            'Delir-Screening mit der CAM-ICU einmal pro Schicht.',
          ],
        },
      ],
    };
    const care = cv.work![0].highlights![0];
    expect(
      check(
        'work[0].highlights[0]',
        care,
        'Betreue und überwache beatmete Patientinnen und Patienten auf der Intensivstation (18 Betten).',
        cv,
      ),
    ).toEqual([]);
    expect(
      check(
        'work[0].highlights[0]',
        care,
        'Betreute ein Team von Pflegekräften auf einer Intensivstation mit 18 Betten.',
        cv,
      ).some((finding) => finding.kind === 'scope'),
    ).toBe(true);
    const screening = cv.work![0].highlights![1];
    expect(
      check(
        'work[0].highlights[1]',
        screening,
        'Delir-Screening mit der CAM-ICU einmal pro Schicht durchgeführt.',
        cv,
      ),
    ).toEqual([]);
  });

  it('reads a French apposition as a role the entry must state', () => {
    const cv: Cv = {
      basics: { name: 'Léa Martin' },
      work: [
        {
          name: 'Festival des Deux Rives',
          position: 'Stagiaire communication',
          highlights: ['Accueil des journalistes et constitution de la revue de presse.'],
        },
      ],
    };
    const original = 'Accueil des journalistes et constitution de la revue de presse.';
    const findings = check(
      'work[0].highlights[0]',
      original,
      `En tant qu'attachée de presse du festival, accueil des journalistes et constitution de la revue de presse.`,
      cv,
    );
    expect(kinds(findings)).toContain('title:attachée de presse');
  });

  it('reads a degree, a certificate and a bound prefix the CV states in a letter', () => {
    const cv: Cv = {
      basics: { name: 'Priya Shah' },
      work: [
        {
          name: 'Halden Foods',
          position: 'Pharmacist',
          startDate: '2019-01',
          highlights: ['Covered three sites and 28 stores.'],
        },
      ],
      education: [{ institution: 'University of Waterloo', area: 'Cognitive Psychology', studyType: 'MA' }],
      certificates: [{ name: 'Independent Prescriber annotation', date: '2022-05' }],
    };
    expect(
      letterFindings(
        'I qualified as an independent prescriber in 2022, hold an MA in Cognitive Psychology and know multi-site work.',
        cv,
      ),
    ).toEqual([]);
    const invented = letterFindings('I qualified as a supplementary prescriber in 2022.', cv);
    expect(invented.map((finding) => finding.text)).toContain('qualified');
    expect(invented.find((finding) => finding.text === 'qualified')?.message).toMatch(
      /is not anywhere in your CV/,
    );
  });

  it('lets a paraphrase with synonyms and the same figures in another form through', () => {
    expect(
      check(
        'work[0].highlights[0]',
        bullet(0),
        'Lowered pipeline spend 35 percent ($800,000 annually) by shifting batch jobs onto spot instances.',
      ),
    ).toEqual([]);
  });

  it('reports a tool only the posting names as from-posting, with where it looked', () => {
    const findings = check('work[0].highlights[0]', bullet(0), `${bullet(0)} Built the dashboards in React.`);
    expect(kinds(findings)).toContain('from-posting:React');
    expect(findings.find((finding) => finding.kind === 'from-posting')?.message).toMatch(
      /posting asks for "React".*Keep it only if it is true/,
    );
  });

  it('reports a new duty and audience in plain lower-case words', () => {
    const findings = check(
      'work[0].highlights[1]',
      bullet(1),
      'Mentored 3 analysts on SQL and presented monthly results to the board.',
    );
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((finding) => finding.text).join(' ')).toMatch(/board/);
  });

  it("lets one plain word that replaces the original's wording through, never two or a marked one", () => {
    // "spot instances" → "spot capacity": one plain noun in place of a dropped one.
    expect(
      check(
        'work[0].highlights[0]',
        bullet(0),
        'Cut pipeline costs by 35% ($800K a year) by moving batch jobs to spot capacity.',
      ),
    ).toEqual([]);
    // Two new plain words are a new fact, not a rewording.
    expect(
      check(
        'work[0].highlights[0]',
        bullet(0),
        'Cut pipeline costs by 35% ($800K a year) by moving batch jobs to spot capacity with ledger reconciliation.',
      ).length,
    ).toBeGreaterThan(0);
    // A word the posting names, a frequency, a role or a tool is never plain wording.
    for (const rewrite of [
      'Cut pipeline costs by 35% ($800K a year) by moving batch jobs to Terraform instances.',
      'Cut pipeline costs by 35% ($800K a year) by moving daily batch jobs to spot capacity.',
      'Cut pipeline costs by 35% ($800K a year) as supervisor, moving batch jobs to spot capacity.',
    ])
      expect(check('work[0].highlights[0]', bullet(0), rewrite).length, rewrite).toBeGreaterThan(0);
  });

  it('reads a clipped form and a compound the dictionary knows as the words they stand for', () => {
    const cv: Cv = {
      ...CV,
      work: [
        {
          ...CV.work![0],
          highlights: [
            'Served around 3,000 requests per second at peak.',
            'Reduced expired stock by 35% with monthly checks.',
          ],
        },
      ],
    };
    // "req" is the start of "requests" and no dictionary word of its own.
    expect(
      check(
        'work[0].highlights[0]',
        'Served around 3,000 requests per second at peak.',
        'Served roughly 3K req/s at peak.',
        cv,
      ),
    ).toEqual([]);
    // "out-of-date" is one word: its part "date" is no date the rewrite claims.
    expect(
      kinds(
        check(
          'work[0].highlights[1]',
          'Reduced expired stock by 35% with monthly checks.',
          'Reduced out-of-date stock by 35% with monthly checks.',
          cv,
        ),
      ),
    ).toEqual([]);
  });

  it('reads plain words in brackets beside a name of the CV as its other name, never a tool or a claim', () => {
    const original = 'Monitor anaesthesia with ECG and SpO2 on every patient.';
    const cv: Cv = { ...CV, work: [{ ...CV.work![0], highlights: [original] }] };
    expect(
      check(
        'work[0].highlights[0]',
        original,
        'Monitor anaesthesia with ECG and pulse oximetry (SpO2) on every patient.',
        cv,
      ),
    ).toEqual([]);
    expect(
      check(
        'work[0].highlights[0]',
        original,
        'Monitor anaesthesia with ECG and SpO2 (pulse oximetry) on every patient.',
        cv,
      ),
    ).toEqual([]);
    // A name or a claim in the brackets is still new.
    expect(
      kinds(
        check(
          'work[0].highlights[0]',
          original,
          'Monitor anaesthesia with ECG and SpO2 (Masimo Radical-7) on every patient.',
          cv,
        ),
      ).join(' '),
    ).toMatch(/Masimo/);
    expect(
      kinds(
        check(
          'work[0].highlights[0]',
          original,
          'Monitor anaesthesia with ECG and SpO2 (as team lead) on every patient.',
          cv,
        ),
      ).join(' '),
    ).toMatch(/lead/);
  });

  it('reads a plain word added where nothing was replaced as a new clause, not a rewording', () => {
    const cv: Cv = {
      ...CV,
      work: [
        {
          ...CV.work![0],
          highlights: ['Presented the quarterly figures to the directors after each close.'],
        },
      ],
    };
    const original = 'Presented the quarterly figures to the directors after each close.';
    // "after each close" → "at every close": the new word stands where the old ones were.
    expect(
      check(
        'work[0].highlights[0]',
        original,
        'Presented the quarterly figures to the directors at every closing.',
        cv,
      ),
    ).toEqual([]);
    // The same word count, but the new word comes as an addition at the end.
    expect(
      kinds(
        check(
          'work[0].highlights[0]',
          'Presented the quarterly figures to the directors after each close.',
          'Presented quarterly figures to the directors after each close, with commentary.',
          cv,
        ),
      ).join(' '),
    ).toMatch(/commentary/);
  });

  it("lets one common word of the posting take a dropped word's place, never a job title or a second one", () => {
    const cv: Cv = {
      ...CV,
      work: [{ ...CV.work![0], highlights: ['Presented the quarterly figures to the directors.'] }],
    };
    const original = 'Presented the quarterly figures to the directors.';
    expect(
      check('work[0].highlights[0]', original, 'Presented the quarterly figures to the board.', cv),
    ).toEqual([]);
    expect(
      check(
        'work[0].highlights[0]',
        original,
        'Presented the quarterly figures to the board and the press.',
        cv,
      ).length,
    ).toBeGreaterThan(0);
    expect(
      check('work[0].highlights[0]', original, 'As Lead Data Engineer, presented the quarterly figures.', cv)
        .length,
    ).toBeGreaterThan(0);
  });

  it('lets a new head noun follow the modifier the original had, never a new thing of its own', () => {
    const original = CV.work?.[1].highlights?.[0] ?? '';
    // "the finance reports" → "the finance statements": the same documents in other words.
    expect(check('work[1].highlights[0]', original, 'Built dbt models for the finance statements.')).toEqual(
      [],
    );
    // A new thing beside the original's ("and its vendors") is a new fact.
    expect(
      check('work[1].highlights[0]', original, 'Built dbt models for the finance reports and its vendors.')
        .length,
    ).toBeGreaterThan(0);
    // A role in the head's place still claims a role.
    expect(
      check('work[1].highlights[0]', original, 'Built dbt models for the finance analysts.').map(
        (f) => f.kind,
      ),
    ).toContain('title');
  });

  it("lets a verb take the place of one the original drops, never add a duty beside the original's verbs", () => {
    // "Built" becomes "Wrote": one verb for another, the facts unchanged.
    const cv2 = CV.work?.[1].highlights?.[0] ?? '';
    expect(check('work[1].highlights[0]', cv2, 'Wrote dbt models for the finance reports.')).toEqual([]);
    // Keeping "Built" and adding "audited" is a new duty.
    expect(
      check('work[1].highlights[0]', cv2, 'Built and audited dbt models for the finance reports.').map(
        (f) => f.text,
      ),
    ).toContain('audited');
    // A swapped verb still may not claim ownership.
    expect(
      check('work[1].highlights[0]', cv2, 'Owned dbt models for the finance reports.').length,
    ).toBeGreaterThan(0);
  });

  it('reports counts the original states but swaps between the things they count', () => {
    const cv: Cv = {
      basics: { name: 'Kim' },
      work: [
        {
          id: 'w',
          name: 'Rollout Co',
          position: 'Site Lead',
          highlights: ['Managed 4 engineers and 12 contractors.'],
        },
      ],
    };
    const original = 'Managed 4 engineers and 12 contractors.';
    expect(
      check('work[0].highlights[0]', original, 'Managed 12 engineers and 4 contractors.', cv).map(
        (f) => f.text,
      ),
    ).toEqual(['12', '4']);
    expect(check('work[0].highlights[0]', original, 'Managed 12 contractors and 4 engineers.', cv)).toEqual(
      [],
    );
  });

  it('reads a ladder word naming a thing as no ownership ("the practice guide", "the steering group")', () => {
    const cv: Cv = {
      basics: { name: 'Jo' },
      work: [
        {
          id: 'w',
          name: 'Council',
          position: 'Social Worker',
          highlights: ['Wrote the practice guide for the steering group.'],
        },
      ],
    };
    const original = 'Wrote the practice guide for the steering group.';
    expect(
      kinds(
        check('work[0].highlights[0]', original, 'Led the steering group and wrote its practice guide.', cv),
      ),
    ).toContain('scope:Led');
    expect(
      check('work[0].highlights[0]', original, 'Wrote the steering group’s practice guide.', cv),
    ).toEqual([]);
  });

  it('reads phrases that only connect as function words ("au cours de", "im Rahmen")', () => {
    const cv: Cv = {
      basics: { name: 'Léa' },
      work: [
        {
          id: 'w',
          name: 'Labo Nord',
          position: 'Technicienne',
          highlights: ['A réussi deux audits COFRAC.'],
        },
      ],
    };
    expect(
      check(
        'work[0].highlights[0]',
        'A réussi deux audits COFRAC.',
        'A réussi, au cours de deux audits, le COFRAC.',
        cv,
      ),
    ).toEqual([]);
  });

  it('reads an acronym spelled from inside its words, and one defined beside its words', () => {
    expect(spellsAcronym('DOACs', ['direct', 'oral', 'anticoagulants'])).toBe(true);
    expect(spellsAcronym('MLD', ['Manuelle', 'Lymphdrainage'])).toBe(true);
    expect(spellsAcronym('FOI', ['Freedom', 'of', 'Information'])).toBe(true);
    expect(spellsAcronym('MLD', ['Manuelle', 'Therapie'])).toBe(false);
    expect(spellsAcronym('SAP', ['sales', 'pipeline'])).toBe(false);
    const cv: Cv = {
      basics: { name: 'Ana' },
      work: [
        { id: 'w', name: 'Klinik', position: 'Pharmacist', highlights: ['Switched patients to DOACs.'] },
      ],
    };
    expect(
      check(
        'work[0].highlights[0]',
        'Switched patients to DOACs.',
        'Moved patients onto direct oral anticoagulants.',
        cv,
      ),
    ).toEqual([]);
    const ml: Cv = {
      basics: { name: 'Jan' },
      work: [
        {
          id: 'w',
          name: 'Praxis',
          position: 'Physiotherapeutin',
          highlights: ['Manuelle Lymphdrainage bei Ödemen.'],
        },
      ],
    };
    const original = 'Manuelle Lymphdrainage bei Ödemen.';
    expect(check('work[0].highlights[0]', original, 'MLD (Manuelle Lymphdrainage) bei Ödemen.', ml)).toEqual(
      [],
    );
    expect(check('work[0].highlights[0]', original, 'MLD und KPE bei Ödemen.', ml).length).toBeGreaterThan(0);
    // The rewrite shortens what the source writes out.
    const lymph = 'Führte die Manuelle Lymphdrainage bei Patientinnen mit Ödemen nach der Operation durch.';
    const de: Cv = {
      basics: { name: 'Jan' },
      work: [{ id: 'w', name: 'Praxis', position: 'Physiotherapeutin', highlights: [lymph] }],
    };
    expect(
      check('work[0].highlights[0]', lymph, lymph.replace('die Manuelle Lymphdrainage', 'MLD'), de),
    ).toEqual([]);
    // A German law's mixed-case short name beside it, and one compound spelling a longer acronym.
    const nurse: Cv = {
      basics: {
        name: 'Jan',
        summary:
          'Pflegefachmann mit langjähriger Erfahrung auf der Intensivstation und in der Anleitung von Auszubildenden.',
      },
      work: [
        {
          id: 'w',
          name: 'Klinikum',
          position: 'Pflegefachmann',
          highlights: [
            'Praxisanleitung nach dem Pflegeberufegesetz.',
            'Pflegedokumentation im Patientendatenmanagementsystem ICCA.',
          ],
        },
      ],
    };
    expect(
      check(
        'work[0].highlights[0]',
        'Praxisanleitung nach dem Pflegeberufegesetz.',
        'Praxisanleitung nach dem Pflegeberufegesetz (PflBG).',
        nurse,
      ),
    ).toEqual([]);
    expect(
      check(
        'work[0].highlights[1]',
        'Pflegedokumentation im Patientendatenmanagementsystem ICCA.',
        'Pflegedokumentation im PDMS ICCA.',
        nurse,
      ),
    ).toEqual([]);
    // A name written out in full, with a style word ("Critical") among its capitalised words.
    expect(
      check(
        'work[0].highlights[1]',
        'Pflegedokumentation im Patientendatenmanagementsystem ICCA.',
        'Pflegedokumentation in ICCA (IntelliSpace Critical Care and Anesthesia).',
        nurse,
      ),
    ).toEqual([]);
    const lab: Cv = {
      basics: { name: 'Léa' },
      work: [
        {
          id: 'w',
          name: 'Labo',
          position: 'Technicienne',
          highlights: ['Analyses par chromatographie en phase gazeuse.'],
        },
      ],
    };
    expect(
      check(
        'work[0].highlights[0]',
        'Analyses par chromatographie en phase gazeuse.',
        'Analyses par CPG.',
        lab,
      ),
    ).toEqual([]);
    // Outside German compounds, an acronym takes only initials: "payments platform" is no PMP.
    const pay: Cv = {
      basics: { name: 'Sam' },
      work: [{ id: 'w', name: 'Pay', position: 'Engineer', highlights: ['Ran the payments platform.'] }],
    };
    expect(
      check('work[0].highlights[0]', 'Ran the payments platform.', 'Ran the PMP payments platform.', pay)
        .length,
    ).toBeGreaterThan(0);
    const fmea: Cv = {
      basics: { name: 'Jo' },
      work: [
        { id: 'w', name: 'Antriebe', position: 'Engineer', highlights: ['Ran DFMEAs for two gearboxes.'] },
      ],
    };
    expect(
      check(
        'work[0].highlights[0]',
        'Ran DFMEAs for two gearboxes.',
        'Ran Design-FMEAs for two gearboxes.',
        fmea,
      ),
    ).toEqual([]);
  });

  it("does not let the entry's start date back a date the bullet itself moved", () => {
    const original = 'Owned the on-call rota since 2021.';
    expect(kinds(check('work[0].highlights[0]', original, 'Since 2019, owned the on-call rota.'))).toContain(
      'date:2019',
    );
    expect(check('work[0].highlights[0]', original, 'Since 2021, owned the on-call rota.')).toEqual([]);
  });

  it('grounds a frequency by the same period in any wording, never by another period', () => {
    const cost = 'Cut pipeline costs by 35% ($800K a year) by moving batch jobs to spot instances.';
    expect(
      check(
        'work[0].highlights[0]',
        cost,
        'Cut annual pipeline costs by $800K (35%) by moving batch jobs to spot instances.',
      ),
    ).toEqual([]);
    expect(
      kinds(
        check(
          'work[0].highlights[0]',
          cost,
          'Cut monthly pipeline costs by $800K (35%) by moving batch jobs to spot instances.',
        ),
      ),
    ).toContain('from-posting:monthly');
  });

  it('climbs the scope ladder: mentored does not back managed, contributed does not back coordinated', () => {
    expect(kinds(check('work[0].highlights[1]', bullet(1), 'Managed 3 analysts on SQL.'))).toContain(
      'scope:Managed',
    );
    expect(
      check(
        'work[0].highlights[2]',
        bullet(2),
        'Coordinated the Kafka migration with the platform team.',
      ).some((f) => f.kind === 'scope'),
    ).toBe(true);
    expect(check('work[0].highlights[1]', bullet(1), 'Coached 3 analysts on SQL.')).toEqual([]);
  });

  it('reads leading a team with its size as managing people the source only mentors', () => {
    const original = 'Mentor two junior researchers on interviewing and synthesis.';
    expect(checkBullet(original, 'Coach two junior researchers on interviewing and synthesis.')).toEqual([]);
    const team = checkBullet(
      original,
      'Lead a team of two junior researchers, coaching them on interviewing and synthesis.',
    );
    expect(team.map((finding) => finding.text)).toContain('Lead');
  });

  it('reads running an activity as leading it, running a team as managing it, and a joint act a rung lower', () => {
    const original = 'Led a four-week diary study with 30 small-business owners.';
    expect(checkBullet(original, 'Ran a diary study over four weeks with 30 small-business owners.')).toEqual(
      [],
    );
    expect(
      checkBullet(
        original,
        'Ran the research team behind a four-week diary study with 30 small-business owners.',
      ).some((finding) => finding.kind === 'scope' && finding.text === 'Ran'),
    ).toBe(true);
    const sprints = 'Co-facilitated design sprints with product managers and designers.';
    expect(
      checkBullet(sprints, 'Jointly ran design sprints alongside product managers and designers.'),
    ).toEqual([]);
    expect(
      checkBullet(sprints, 'Ran design sprints for product managers and designers.').some(
        (finding) => finding.kind === 'scope',
      ),
    ).toBe(true);
  });

  it('reads "helped" with an object as supported, and "helped lead" as a share of the lead', () => {
    const supported: Cv = {
      ...CV,
      work: [
        {
          ...CV.work![0],
          highlights: ['Supported seven young people through the move to the leaving-care team.'],
        },
      ],
    };
    const original = supported.work![0].highlights![0];
    expect(
      check(
        'work[0].highlights[0]',
        original,
        'Helped 7 young people through the move to the leaving-care team.',
        supported,
      ),
    ).toEqual([]);
    expect(
      check(
        'work[0].highlights[0]',
        original,
        'Helped lead the move of seven young people to the leaving-care team.',
        supported,
      ).some((finding) => finding.kind === 'scope'),
    ).toBe(true);
  });

  it('reads a German verb with a separated particle as that verb, not as leading ("führte … zurück")', () => {
    const physio: Cv = {
      basics: {
        name: 'Lena Hoffmann',
        summary:
          'Physiotherapeutin mit Erfahrung in der Orthopädie und im Sport, die gern mit Menschen arbeitet.',
      },
      work: [
        {
          name: 'FC Lechtal',
          position: 'Physiotherapeutin',
          startDate: '2019-01',
          endDate: '2021-01',
          highlights: ['Begleitete verletzte Spieler im Aufbautraining zurück ins Mannschaftstraining.'],
        },
      ],
    };
    const original = physio.work![0].highlights![0];
    expect(
      check(
        'work[0].highlights[0]',
        original,
        'Führte verletzte Spieler über ein Aufbautraining zurück ins Mannschaftstraining.',
        physio,
      ),
    ).toEqual([]);
    expect(
      kinds(
        check('work[0].highlights[0]', original, 'Leitete das Aufbautraining verletzter Spieler.', physio),
      ).join(' '),
    ).toMatch(/scope|title/);
  });

  it('never grounds an achievement through a synonym: reached the final is not won', () => {
    expect(
      kinds(check('work[0].highlights[3]', bullet(3), 'Won the final of the company hackathon.')),
    ).toContain('claim:Won');
  });

  it('flags a language level the CV does not state', () => {
    expect(
      check('basics.summary', 'Data engineer.', 'Data engineer, fluent in German.').length,
    ).toBeGreaterThan(0);
  });

  it('lets the summary draw on any entry and on durations from the CV dates', () => {
    expect(
      check(
        'basics.summary',
        'Data engineer.',
        'Data engineer with 8 years of experience building dbt models and cutting pipeline costs.',
      ),
    ).toEqual([]);
  });

  it('tells a bullet that borrows another job fact where the fact really is', () => {
    const findings = check('work[0].highlights[1]', bullet(1), 'Mentored 3 analysts on SQL and dbt models.');
    expect(findings.some((finding) => finding.message.includes('elsewhere'))).toBe(true);
  });

  it('reverts a changed number and only reviews a sum of two stated counts', () => {
    const changed = check('work[0].highlights[0]', bullet(0), bullet(0).replace('35%', '45%'));
    expect(changed.map((finding) => [finding.kind, finding.severity])).toContainEqual(['number', 'revert']);
    const cv: Cv = { ...CV, work: [{ ...CV.work![0], highlights: ['Hired 4 engineers and 3 analysts.'] }] };
    const sum = check(
      'work[0].highlights[0]',
      'Hired 4 engineers and 3 analysts.',
      'Hired 7 engineers and analysts.',
      cv,
    );
    expect(sum.map((finding) => [finding.kind, finding.severity])).toEqual([['number', 'review']]);
  });

  it('builds one index per CV and reuses it for every field', () => {
    expect(buildGroundingIndex(CV, { lexicon })).toBe(buildGroundingIndex(CV, { lexicon }));
  });

  it('reads a rate per another period, and a bare figure in the unit its sentence speaks in', () => {
    const sre: Cv = {
      basics: { name: 'Sam' },
      work: [
        {
          name: 'Paysend',
          position: 'Site Reliability Engineer',
          startDate: '2022-01',
          highlights: [
            'Run 14 Kubernetes clusters serving around 3,000 requests per second at peak.',
            'Keep an average claim cycle time of 24 days against a team target of 30.',
          ],
        },
      ],
    };
    const [rate, target] = sre.work![0].highlights!;
    const at = (index: number, original: string, text: string) =>
      kinds(check(`work[0].highlights[${index}]`, original, text, sre));
    expect(
      at(0, rate, 'Run 14 Kubernetes clusters handling about 180,000 requests a minute at peak.'),
    ).toEqual([]);
    expect(
      at(0, rate, 'Run 14 Kubernetes clusters handling about 250,000 requests a minute at peak.'),
    ).toEqual(['number:about 250,000']);
    expect(
      at(1, target, "Keep an average claim cycle time of 24 days against the team's 30-day target."),
    ).toEqual([]);
    expect(at(1, target, 'Keep an average claim cycle time of 24 days against a 40-day target.')).toEqual([
      'number:40-day',
    ]);
  });

  it('reads words that spell out an acronym of the CV as that acronym, not as figures or names', () => {
    const claims: Cv = {
      basics: { name: 'Kim' },
      work: [
        {
          name: 'Direct Line',
          position: 'Claims Handler',
          startDate: '2019-01',
          endDate: '2022-01',
          highlights: [
            'Handled inbound FNOL calls for about 25 new claims a day.',
            'Assess and treat speech sound disorders using CELF-5 assessments.',
          ],
        },
      ],
    };
    const [fnol, celf] = claims.work![0].highlights!;
    expect(
      check(
        'work[0].highlights[0]',
        fnol,
        'Handled inbound first notification of loss calls for about 25 new claims a day.',
        claims,
      ),
    ).toEqual([]);
    expect(
      check(
        'work[0].highlights[1]',
        celf,
        'Assess and treat speech sound disorders with the Clinical Evaluation of Language Fundamentals (CELF-5).',
        claims,
      ),
    ).toEqual([]);
  });

  it('keeps a hedged job title hedged, but lets its field be named ("systems administration")', () => {
    const admin: Cv = {
      basics: { name: 'Sam', summary: 'Engineer running Kubernetes platforms.' },
      work: [
        {
          name: 'Acme',
          position: 'Junior Systems Administrator',
          startDate: '2017-07',
          endDate: '2021-12',
          highlights: ['Patched Linux servers.'],
        },
      ],
    };
    const summary = admin.basics!.summary!;
    expect(
      check(
        'basics.summary',
        summary,
        'Engineer running Kubernetes platforms, after four years in systems administration.',
        admin,
      ),
    ).toEqual([]);
    expect(
      kinds(
        check(
          'basics.summary',
          summary,
          'Engineer running Kubernetes platforms, formerly a Systems Administrator.',
          admin,
        ),
      ),
    ).toContain('claim:Systems Administrator');
  });

  it('reports two words from two places of the entry made into a new thing, not one the entry says', () => {
    const claims: Cv = {
      basics: { name: 'Kim' },
      work: [
        {
          name: 'Aviva',
          position: 'Senior Claims Handler',
          startDate: '2022-03',
          highlights: [
            'Handle a live caseload of around 110 household claims up to £75,000.',
            'Instruct loss adjusters, surveyors and contractors from the approved supplier panel.',
            'Refer suspected fraud to the counter-fraud unit; commercial insurers were notified each quarter.',
            'Prepare monthly reports on reserves for the regional director.',
          ],
        },
      ],
    };
    const [caseload, panel] = claims.work![0].highlights!;
    const at = (index: number, original: string, text: string) =>
      kinds(check(`work[0].highlights[${index}]`, original, text, claims));
    expect(
      at(0, caseload, 'Handle a live caseload of around 110 household and commercial claims up to £75,000.'),
    ).toContain('new-claim:commercial claims');
    expect(at(0, caseload, 'Handle a live caseload of about 110 household claims of up to £75,000.')).toEqual(
      [],
    );
    expect(
      at(
        1,
        panel,
        'Instruct loss adjusters, surveyors and contractors from the approved supplier panel, with monthly reports.',
      ),
    ).toEqual([]);
    expect(
      at(
        1,
        panel,
        'Instruct loss adjusters, surveyors, regional insurers and contractors from the approved supplier panel.',
      ),
    ).toContain('new-claim:regional insurers');
  });

  it('grounds a quoted name as a whole, never word by word', () => {
    const slt: Cv = {
      basics: { name: 'Eilidh' },
      work: [
        {
          name: 'NHS',
          position: 'Speech and Language Therapist',
          startDate: '2020-01',
          highlights: [
            "Deliver Hanen 'It Takes Two to Talk' programmes for parents, four groups a year.",
            'Trained staff in words and gestures that support talk, more than once a term.',
          ],
        },
      ],
    };
    const original = slt.work![0].highlights![0];
    expect(
      check(
        'work[0].highlights[0]',
        original,
        "Run Hanen's 'It Takes Two to Talk' groups for parents, four a year.",
        slt,
      ).filter((finding) => finding.text === 'It Takes Two to Talk'),
    ).toEqual([]);
    expect(
      kinds(
        check(
          'work[0].highlights[0]',
          original,
          "Deliver Hanen 'It Takes Two to Talk' and 'More Than Words' programmes for parents, four groups a year.",
          slt,
        ),
      ),
    ).toContain('new-claim:More Than Words');
  });

  it('reads French elisions and German word numbers', () => {
    const cv: Cv = {
      basics: { name: 'Lea', summary: '' },
      work: [
        {
          id: 'w',
          name: 'Hotel',
          position: 'Chef de cuisine',
          highlights: ["Encadré l'équipe de 6 cuisiniers."],
        },
      ],
    };
    expect(
      check(
        'work[0].highlights[0]',
        "Encadré l'équipe de 6 cuisiniers.",
        'Encadré une équipe de six cuisiniers.',
        cv,
      ),
    ).toEqual([]);
  });

  it('lets a verb of the same broad class restate a relation, not a verb of another class', () => {
    const cv: Cv = {
      basics: { name: 'Sam' },
      work: [
        {
          id: 'w',
          name: 'Bakery Co',
          position: 'Management Accountant',
          highlights: ['Identified £410k of waste.', 'Tested the costing model.'],
        },
      ],
    };
    expect(
      check('work[0].highlights[0]', 'Identified £410k of waste.', 'Uncovered £410k of waste.', cv),
    ).toEqual([]);
    expect(
      kinds(check('work[0].highlights[1]', 'Tested the costing model.', 'Designed the costing model.', cv)),
    ).toEqual(['new-claim:Designed']);
  });

  it('grounds a broader skill by a narrower one the source states, never a named skill by a synonym', async () => {
    const dictionary = await loadDictionary();
    const cv: Cv = {
      basics: { name: 'Ada' },
      work: [
        { id: 'w', name: 'Globex', position: 'Analyst', highlights: ['Wrote SQL queries on PostgreSQL.'] },
      ],
      skills: [{ name: 'Tools', keywords: ['Excel', 'SQL'] }],
    };
    const options = {
      sourceCv: cv,
      jobText: JOB,
      lexicon,
      skillAliases: aliasLookupOf(dictionary),
      knownSkills: (term: string) => dictionary.canonical(term) !== null,
    };
    const original = 'Wrote SQL queries on PostgreSQL.';
    const broader = 'Wrote SQL queries on a relational database.';
    expect(checkEdit({ ...options, original, replacement: broader, path: 'work[0].highlights[0]' })).toEqual(
      [],
    );
    const keywords = checkEdit({
      ...options,
      original: 'Excel, SQL',
      replacement: 'Excel, SQL, Tableau',
      path: 'skills[0].keywords',
    });
    expect(kinds(keywords)).toEqual(['skill:Tableau']);
  });

  it('grounds German inflections, derivations and compound parts', () => {
    const cv: Cv = {
      basics: { name: 'Jan' },
      work: [
        {
          id: 'w',
          name: 'Antriebe GmbH',
          position: 'Entwicklungsingenieur',
          highlights: [
            'Steigerung des Umsatzes in der Region um 12 %.',
            'Konstruktion von Getriebegehäusen; Gewicht um 12 % reduziert.',
          ],
        },
      ],
    };
    const [first, second] = cv.work?.[0].highlights ?? [];
    expect(check('work[0].highlights[0]', first, 'Regionalen Umsatz um 12 Prozent gesteigert.', cv)).toEqual(
      [],
    );
    expect(check('work[0].highlights[1]', second, 'Gewichtsreduzierung um 12 % bei Gehäusen.', cv)).toEqual(
      [],
    );
    expect(
      kinds(
        check(
          'work[0].highlights[1]',
          second,
          'Konstruktion von Getriebegehäusen aus Titan; Gewicht um 12 % reduziert.',
          cv,
        ),
      ),
    ).toEqual(['new-claim:Titan']);
  });

  it('lets a German or French verb restate its bullet, never a noun of the same form', () => {
    const cv: Cv = {
      basics: { name: 'Julien' },
      work: [
        {
          id: 'w',
          name: 'Comptoir',
          position: 'Chef de cuisine',
          highlights: [
            "Restaurant distingué d'un Bib Gourmand au Guide Michelin depuis 2022.",
            'Rédaction des cas de test dans Xray.',
          ],
        },
      ],
    };
    const [award, cases] = cv.work?.[0].highlights ?? [];
    expect(check('work[0].highlights[1]', cases, 'Je consigne les cas de test dans Xray.', cv)).toEqual([]);
    expect(
      check(
        'work[0].highlights[0]',
        award,
        "Restaurant récompensé d'une étoile au Guide Michelin depuis 2022.",
        cv,
      ).length,
    ).toBeGreaterThan(0);
  });

  it('reads a role in apposition as a title the entry must state', () => {
    const cv: Cv = {
      basics: { name: 'Claire' },
      work: [
        {
          id: 'w',
          name: 'Usine',
          position: 'Chargée de ressources humaines',
          highlights: ['Gestion du recrutement pour un site de 350 salariés.'],
        },
      ],
    };
    const original = cv.work?.[0].highlights?.[0] ?? '';
    const findings = check(
      'work[0].highlights[0]',
      original,
      'Gestion du recrutement pour un site de 350 salariés, en tant que responsable recrutement.',
      cv,
    );
    expect(kinds(findings)).toEqual(['title:responsable recrutement']);
  });

  it('flags a word the CV states only with a hedge when the rewrite drops the hedge', () => {
    const cv: Cv = {
      basics: { name: 'Sam', summary: 'Part-qualified CIMA management accountant.' },
      work: [
        { id: 'w', name: 'Bakery Co', position: 'Management Accountant', highlights: ['Closed the books.'] },
      ],
    };
    const original = cv.basics?.summary ?? '';
    expect(kinds(check('basics.summary', original, 'CIMA-qualified management accountant.', cv))).toEqual([
      'claim:CIMA-qualified',
    ]);
    expect(check('basics.summary', original, 'Management accountant, part-qualified CIMA.', cv)).toEqual([]);
  });

  it('ties a language level to its language: fluent Urdu does not make Punjabi fluent', () => {
    const cv: Cv = {
      basics: { name: 'Amar', summary: 'Social worker.' },
      work: [
        {
          id: 'w',
          name: 'Council',
          position: 'Social Worker',
          highlights: ['Held a caseload of 16 children.'],
        },
      ],
      languages: [
        { language: 'Urdu', fluency: 'Fluent' },
        { language: 'Punjabi', fluency: 'Conversational' },
      ],
    };
    const summary = (text: string) => check('basics.summary', 'Social worker.', text, cv);
    expect(summary('Social worker, fluent in Urdu and conversational in Punjabi.')).toEqual([]);
    expect(summary('Social worker, fluent in both Urdu and Punjabi.').map((finding) => finding.text)).toEqual(
      ['fluent'],
    );
  });

  it('lets a named certificate ground its credential word, never a language level', () => {
    const cv: Cv = {
      ...CV,
      certificates: [{ name: 'Immediate Life Support (ILS)', issuer: 'Resuscitation Council UK' }],
      languages: [{ language: 'Italian', fluency: 'Upper intermediate (B2)' }],
    };
    const letter = (sentence: string) => letterFindings(sentence, cv);
    expect(letter('I hold Immediate Life Support certification.')).toEqual([]);
    expect(
      letter('I hold Immediate Life Support certification and am fluent in Italian.').map((f) => f.text),
    ).toEqual(['fluent']);
  });

  it('lets a letter name the posting in a sentence about applying, not claim it', () => {
    const letter = (sentence: string) => letterFindings(sentence);
    expect(letter('I am excited to apply for the Lead Data Engineer role and to work with React.')).toEqual(
      [],
    );
    expect(letter('At Acme Logistics I built the dashboards in React.').length).toBeGreaterThan(0);
  });

  it('lets a letter say what the person has not done yet, and still judges what it claims', () => {
    const letter = letterFindingTexts;
    expect(
      letter('I have not yet worked with Terraform, but I would welcome the chance to learn it.'),
    ).toEqual([]);
    expect(letter('I have not only mentored analysts but also built everything in Terraform.')).toContain(
      'Terraform',
    );
  });

  it("lets a letter's own plain wording through, never a name, skill or number", () => {
    const letter = letterFindingTexts;
    expect(letter('Mentoring analysts matters to me.')).toEqual([]);
    expect(letter('Mentoring analysts in Terraform matters to me.')).toContain('Terraform');
  });

  it("lets a letter wish for the posting's duties, but not claim them inside the wish", () => {
    const letter = letterFindingTexts;
    expect(
      letter('I would welcome the chance to build with Terraform and to take on team management.'),
    ).toEqual([]);
    expect(letter('Mit Terraform zu arbeiten, würde mich sehr reizen.')).toEqual([]);
    expect(letter('Travailler avec Terraform serait pour moi une belle évolution.')).toEqual([]);
    // What the wish says the person already has is still judged.
    expect(letter('I would like to bring my Terraform experience to your team.')).toContain('Terraform');
    // A clause that reports the record stays judged though the sentence ends in a wish.
    expect(letter('Having built the dashboards in React, I am ready to lead your platform team.')).toContain(
      'React',
    );
    expect(letter('I built the dashboards in React, and I would love to do more of that.')).toContain(
      'React',
    );
    // Wishes in other words: "would very much like", "je serais heureuse de", growing one's skills.
    expect(letter('I would very much like to gain experience with Terraform.')).toEqual([]);
    expect(letter('Je serais heureuse de découvrir Terraform.')).toEqual([]);
    expect(letter('I would love to develop my skills in Terraform.')).toEqual([]);
  });
});
