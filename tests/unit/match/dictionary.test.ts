import { describe, expect, it } from 'vitest';
import { createSkillsDictionary, SKILL_CATEGORIES } from '../../../shared/match/dictionary';
import { tokenize } from '../../../shared/match/normalize';
import { bundledDictionary } from './dictionary-data';

const names = async (text: string) => {
  const dictionary = await bundledDictionary();
  return dictionary.find(tokenize(text)).map((hit) => dictionary.skills[hit.skill].name);
};

describe('bundled skills dictionary', () => {
  it('holds at least 1,500 skills across professions, each with a known category', async () => {
    const dictionary = await bundledDictionary();
    expect(dictionary.skills.length).toBeGreaterThanOrEqual(1500);
    const categories = new Set(dictionary.skills.map((skill) => skill.category));
    for (const category of [
      'health-care',
      'finance',
      'teaching',
      'engineering',
      'design',
      'marketing',
      'trades',
      'soft-skill',
      'certification',
    ]) {
      expect(categories.has(category as (typeof SKILL_CATEGORIES)[number])).toBe(true);
    }
  });

  it('resolves aliases to canonical names', async () => {
    const dictionary = await bundledDictionary();
    expect(dictionary.canonical('JS')).toBe('JavaScript');
    expect(dictionary.canonical('k8s')).toBe('Kubernetes');
    expect(dictionary.canonical('RN')).toBe('Registered Nurse');
    expect(dictionary.canonical('Certified Public Accountant')).toBe('CPA');
    expect(dictionary.canonical('nodejs')).toBe('Node.js');
    expect(dictionary.canonical('dotnet')).toBe('.NET');
  });

  it('tells C, C++, C# and .NET apart', async () => {
    expect(await names('C, C++, C# and .NET')).toEqual(['C', 'C++', 'C#', '.NET']);
  });

  it('matches case-sensitive forms only as written', async () => {
    expect(await names('Go and RN')).toEqual(['Go', 'Registered Nurse']);
    expect(await names('we go on and turn')).toEqual([]);
  });

  it('finds multi-word phrases, longest first, in plural form', async () => {
    expect(await names('Registered Nurses with container orchestration and machine learning')).toEqual([
      'Registered Nurse',
      'Container Orchestration',
      'Machine Learning',
    ]);
  });

  it('does not join a phrase across punctuation', async () => {
    expect(await names('engineering, design')).not.toContain('Engineering Design');
  });

  it('knows what a skill implies', async () => {
    const dictionary = await bundledDictionary();
    const implied = dictionary
      .implied(dictionary.indexOf('Kubernetes'))
      .map((index) => dictionary.skills[index].name);
    expect(implied).toContain('Container Orchestration');
  });

  it('rejects data of the wrong shape with a clear error', () => {
    expect(() => createSkillsDictionary({ version: 1, skills: [{ name: 'X' }] })).toThrow(
      /skills dictionary is damaged/,
    );
  });
});
