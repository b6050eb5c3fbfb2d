import posTagger from 'wink-pos-tagger';
import { developmentCases, secondDevelopmentCases, findingsOf } from '../tests/eval/truth';
import { loadDictionary } from '../electron/services/jobs/load-dictionary';
import { truthResources } from '../electron/services/truth';

const tagger = posTagger();
const resources = truthResources(await loadDictionary());
const cases = [...developmentCases(), ...secondDevelopmentCases()].filter((c) => c.language === 'en');
const cat = new Map<string, { faithOnly: number; fabOnly: number; faithAny: number; fabAny: number; ex: string[] }>();
for (const item of cases) {
  const findings = findingsOf(item, resources);
  if (findings.length === 0) continue;
  const cats = findings.map((f) => {
    const text = f.tailored ?? '';
    let pos = '?';
    if (f.kind === 'new-claim' || f.kind === 'from-posting') {
      const tags = tagger.tagSentence(text);
      const t = tags.find((w: any) => w.value === f.text.split(/\s/)[0]);
      pos = t ? t.pos : '?';
    }
    return `${f.kind}:${pos}`;
  });
  const set = new Set(cats);
  for (const c of set) {
    const e = cat.get(c) ?? { faithOnly: 0, fabOnly: 0, faithAny: 0, fabAny: 0, ex: [] };
    const only = [...set].every((x) => x === c);
    if (item.label === 'faithful') { e.faithAny++; if (only) e.faithOnly++; if (e.ex.length < 12) e.ex.push(findings.filter((f,i)=>cats[i]===c).map(f=>f.text).join('|')); }
    else { e.fabAny++; if (only) { e.fabOnly++; e.ex.push('FAB:' + findings.map(f=>f.text).join('|')); } }
    cat.set(c, e);
  }
}
for (const [c, e] of [...cat].sort((a, b) => b[1].faithOnly - a[1].faithOnly))
  console.log(c.padEnd(24), 'faithOnly', e.faithOnly, 'faithAny', e.faithAny, 'fabOnly', e.fabOnly, 'fabAny', e.fabAny, ' ', e.ex.join(', '));
