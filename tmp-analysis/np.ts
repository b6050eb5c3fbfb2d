import { readFileSync } from 'node:fs';
import { parseCvLines } from '../shared/import/parse-cv';
import { linesFromText } from '../shared/import/text-lines';
const src = readFileSync('tests/unit/import/not-placed.test.ts', 'utf8');
const CV = eval(src.match(/const CV = (\[[\s\S]*?\]\.join\('\\n'\));/)![1]);
const { cv, report } = parseCvLines(linesFromText(CV));
console.log(JSON.stringify(cv, null, 1).slice(0, 1500)); console.log(report.unplaced, report.warnings, report.checks);
