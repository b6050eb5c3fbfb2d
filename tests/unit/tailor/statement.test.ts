import { describe, expect, it } from 'vitest';
import type { Cv } from '../../../shared/model/cv';
import { addStatement, namesKeyword, statementPlaces } from '../../../shared/tailor/statement';

const CV: Cv = {
  basics: { name: 'Ana' },
  work: [
    { name: 'Norte', position: 'Operations Lead', highlights: ['Led a shift.'] },
    { name: 'Rápido', position: 'Team Leader' },
  ],
  projects: [{ name: 'Returns revamp' }],
  skills: [{ name: 'Operations', keywords: ['WMS'] }],
};

describe('what the person adds for a missing keyword', () => {
  it('offers every job, project and skill group, by the names the person knows', () => {
    expect(statementPlaces(CV).map((place) => place.label)).toEqual([
      'Operations Lead at Norte',
      'Team Leader at Rápido',
      'Returns revamp (project)',
      'Skills: Operations',
    ]);
    expect(statementPlaces({ basics: { name: 'x' } }).map((place) => place.label)).toEqual([
      'Skills (a new group)',
    ]);
  });

  it('adds a bullet to the chosen entry, or the keyword to a group, without changing the input', () => {
    const before = structuredClone(CV);
    const withBullet = addStatement(
      CV,
      { kind: 'entry', section: 'work', index: 1 },
      ' Booked receipts in SAP EWM. ',
    );
    expect(withBullet.work?.[1].highlights).toEqual(['Booked receipts in SAP EWM.']);
    expect(CV).toEqual(before);
    const withSkill = addStatement(CV, { kind: 'skills', index: 0 }, 'SAP EWM');
    expect(withSkill.skills?.[0].keywords).toEqual(['WMS', 'SAP EWM']);
    // Twice is once; an empty sentence adds nothing.
    expect(
      addStatement(withSkill, { kind: 'skills', index: 0 }, 'sap ewm').skills?.[0].keywords,
    ).toHaveLength(2);
    expect(addStatement(CV, { kind: 'entry', section: 'work', index: 0 }, '  ')).toBe(CV);
    expect(addStatement({ basics: { name: 'x' } }, { kind: 'skills', index: null }, 'Kafka').skills).toEqual([
      { name: 'Skills', keywords: ['Kafka'] },
    ]);
  });

  it('knows whether a sentence names the keyword, whatever the case and accents', () => {
    expect(namesKeyword('Booked receipts in sap ewm daily', 'SAP EWM')).toBe(true);
    expect(namesKeyword('Gestion de la qualite', 'Qualité')).toBe(true);
    expect(namesKeyword('Used the warehouse system', 'SAP EWM')).toBe(false);
  });
});
