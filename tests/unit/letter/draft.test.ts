import { beforeAll, describe, expect, it } from 'vitest';
import { loadDictionary } from '../../../electron/services/jobs/load-dictionary';
import { draftLetterWithoutModel } from '../../../electron/services/tailor/letter';
import { truthResources } from '../../../electron/services/truth';
import { checkLetter } from '../../../shared/letter/check';
import type { SkillsDictionary } from '../../../shared/match/dictionary';
import { readCaseSet } from '../../eval/truth';

let dictionary: SkillsDictionary;
beforeAll(async () => {
  dictionary = await loadDictionary();
});

/** Every CV and posting of the labelled sets (English, German and French, many trades). */
function pairs() {
  return ['dev.json', 'dev-b.json', 'test-a.json', 'test-d.json'].flatMap((name) => {
    const set = readCaseSet(name);
    return Object.entries(set.cvs).flatMap(([id, cv]) => {
      const jobId = set.cases.find((item) => item.cv === id && item.job)?.job;
      return jobId ? [{ id: `${name} ${id}`, cv, jobText: set.jobs[jobId] }] : [];
    });
  });
}

describe('a letter drafted without a model', () => {
  it('states nothing the CV does not, for every CV and posting of the labelled sets', async () => {
    const all = pairs();
    expect(all.length).toBeGreaterThan(30);
    for (const { id, cv, jobText } of all) {
      const draft = await draftLetterWithoutModel({ cv, jobText, dictionary });
      expect(draft.findings, id).toEqual([]);
      // Checked again as a person's edited letter would be: nothing to flag.
      const again = checkLetter(draft.letter, {
        cv,
        jobText,
        ...truthResources(dictionary),
        fallbackGreeting: 'x',
      });
      expect(again.findings, id).toEqual([]);
      expect(draft.letter.paragraphs.length, id).toBeGreaterThanOrEqual(2);
    }
  });

  it("quotes the CV's evidence for the posting, in the CV's language", async () => {
    const set = readCaseSet('dev-b.json');
    const german = Object.entries(set.cvs).find(([id]) =>
      set.cases.some((item) => item.cv === id && item.language === 'de'),
    );
    expect(german).toBeDefined();
    const [id, cv] = german!;
    const jobText = set.jobs[set.cases.find((item) => item.cv === id && item.job)!.job!];
    const draft = await draftLetterWithoutModel({ cv, jobText, dictionary });
    expect(draft.letter.paragraphs[0]).toMatch(/^hiermit bewerbe ich mich/);
    expect(draft.letter.closing).toBe('Mit freundlichen Grüßen');
    const bullets = (cv.work ?? []).flatMap((entry) => entry.highlights ?? []);
    const body = draft.letter.paragraphs.join(' ');
    expect(bullets.some((bullet) => body.includes(bullet.replace(/\.$/, '')))).toBe(true);
  });
});
