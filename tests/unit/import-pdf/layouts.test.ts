import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdfLines } from '../../../electron/services/import/pdf/read-pdf';
import { hasChromium, renderPdfs } from './pdf-test-helpers';

const STYLE = `<style>
  @page { size: A4; margin: 0; }
  body { margin: 0; font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; font-size: 11px; line-height: 1.45; }
  p { margin: 0; white-space: nowrap; }
  h1 { font-size: 26px; margin: 0 0 4px; }
  h2 { font-size: 13px; margin: 14px 0 4px; font-weight: 700; }
  .row { display: flex; justify-content: space-between; }
</style>`;

const SINGLE = `<!doctype html><html><head>${STYLE}</head><body style="padding: 48px 56px">
  <h1>Zoë Łukasiewicz-Núñez</h1>
  <p>zoe.ln@example.org · +48 22 555 01 23 · Kraków, Poland</p>
  <h2 style="letter-spacing: 0.45em">EXPERIENCE</h2>
  <div class="row"><p><b>Backend Developer</b>, Fernwood Analytics</p><p>03/2019 – 06/2023</p></div>
  <p>• Built the billing service in Go</p>
  <p>• Cut report generation time by 38%</p>
  <div class="row"><p><b>Junior Developer</b>, Halden Systems</p><p>2016 – 2019</p></div>
  <p>• Maintained the office’s ﬁle-sync tool</p>
  <h2>EDUCATION</h2>
  <div class="row"><p>M.Sc. Computer Science, University of Gdańsk</p><p>2016</p></div>
</body></html>`;

const TWO_COLUMN = `<!doctype html><html><head>${STYLE}</head><body style="padding: 40px 48px">
  <h1>Tomasz Ferreira-Oduya</h1>
  <p>tomasz.fo@example.net · +351 21 555 0188 · Lisbon, Portugal · github.com/tferreira-oduya</p>
  <div style="display: grid; grid-template-columns: 1fr 1fr; column-gap: 40px; margin-top: 10px">
    <div>
      <h2>EXPERIENCE</h2>
      <p><b>Data Engineer</b> at Marisol Logistics</p>
      <p>Jan 2021 – Present</p>
      <p>• Moved nightly batch jobs to streaming</p>
      <p>• Owned the warehouse schema</p>
      <p><b>Analyst</b> at Porto Freight</p>
      <p>Sep 2018 – Dec 2020</p>
      <p>• Built the weekly capacity report</p>
    </div>
    <div style="padding-top: 22px">
      <h2 style="font-size: 12px">SKILLS</h2>
      <p style="font-size: 10px">Python, SQL, Kafka, dbt</p>
      <p style="font-size: 10px">Airflow, Terraform</p>
      <h2 style="font-size: 12px">LANGUAGES</h2>
      <p style="font-size: 10px">Portuguese (native)</p>
      <p style="font-size: 10px">English (C1)</p>
    </div>
  </div>
</body></html>`;

const SIDEBAR = `<!doctype html><html><head>${STYLE}</head><body>
  <div style="display: flex; min-height: 1122px">
    <div style="width: 190px; background: #e8eef4; padding: 40px 20px; font-size: 10px">
      <h2 style="margin-top: 0">CONTACT</h2>
      <p>amara.lindqvist@example.com</p>
      <p>+46 8 555 014 22</p>
      <p>Uppsala, Sweden</p>
      <h2>SKILLS</h2>
      <p>Clinical data analysis</p>
      <p>R and Stan</p>
      <p>Survival models</p>
    </div>
    <div style="flex: 1; padding: 40px 36px">
      <h1>Amara Lindqvist</h1>
      <p>Biostatistician</p>
      <h2>EXPERIENCE</h2>
      <p><b>Senior Biostatistician</b>, Norrsken Pharma</p>
      <p>2020 – Present · Uppsala</p>
      <p>• Led the statistical plan of two phase III trials</p>
      <p><b>Biostatistician</b>, Karolinska Trial Unit</p>
      <p>2017 – 2020 · Stockholm</p>
      <p>• Wrote the unit’s survival-analysis guidelines</p>
    </div>
  </div>
</body></html>`;

/** Section headings and dates in a narrow rail beside the entries they label, a little lower than their first line. */
const LABEL_RAIL = `<!doctype html><html><head>${STYLE}</head><body style="padding: 40px">
  <h1>Ines Okafor-Brandt</h1>
  <table style="border-collapse: collapse; width: 100%; font-size: 10px">
    <tr><td style="width: 140px; vertical-align: top; padding-top: 19px; font-size: 9px">EXPERIENCE</td>
      <td style="padding-top: 14px"><b>Site Manager</b>, Kestrel Build Ltd<br>
      Ran a 40-person site on a 12-storey residential block<br>Cut snagging items per unit by 30%</td></tr>
    <tr><td style="vertical-align: top; padding-top: 19px; font-size: 9px">2016 – 2019</td>
      <td style="padding-top: 14px"><b>Assistant Site Manager</b>, Harbour Homes<br>
      Coordinated six subcontractors on a 90-home estate</td></tr>
    <tr><td style="vertical-align: top; padding-top: 19px; font-size: 9px">EDUCATION</td>
      <td style="padding-top: 14px"><b>BSc Construction Management</b>, Leeds Beckett University</td></tr>
  </table>
</body></html>`;

const tempDir = mkdtempSync(path.join(os.tmpdir(), 'cv-pdf-layouts-'));
let files: Record<string, string> = {};

async function texts(name: string): Promise<string[]> {
  const result = await readPdfLines(readFileSync(files[name]));
  return result.lines.map((line) => line.text);
}

describe.skipIf(!hasChromium)(
  'reading order of layouts rendered by Chromium (needs /usr/bin/chromium)',
  () => {
    beforeAll(async () => {
      files = await renderPdfs({ single: SINGLE, twoColumn: TWO_COLUMN, sidebar: SIDEBAR, labelRail: LABEL_RAIL }, tempDir);
    });
    afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

    it('reads a single-column CV line by line, flush-right dates on their line', async () => {
      expect(await texts('single')).toEqual([
        'Zoë Łukasiewicz-Núñez',
        'zoe.ln@example.org · +48 22 555 01 23 · Kraków, Poland',
        'EXPERIENCE',
        'Backend Developer, Fernwood Analytics 03/2019 – 06/2023',
        '• Built the billing service in Go',
        '• Cut report generation time by 38%',
        'Junior Developer, Halden Systems 2016 – 2019',
        '• Maintained the office’s file-sync tool',
        'EDUCATION',
        'M.Sc. Computer Science, University of Gdańsk 2016',
      ]);
    });

    it('reads a two-column CV header first, then the left column, then the right one', async () => {
      expect(await texts('twoColumn')).toEqual([
        'Tomasz Ferreira-Oduya',
        'tomasz.fo@example.net · +351 21 555 0188 · Lisbon, Portugal · github.com/tferreira-oduya',
        'EXPERIENCE',
        'Data Engineer at Marisol Logistics',
        'Jan 2021 – Present',
        '• Moved nightly batch jobs to streaming',
        '• Owned the warehouse schema',
        'Analyst at Porto Freight',
        'Sep 2018 – Dec 2020',
        '• Built the weekly capacity report',
        'SKILLS',
        'Python, SQL, Kafka, dbt',
        'Airflow, Terraform',
        'LANGUAGES',
        'Portuguese (native)',
        'English (C1)',
      ]);
    });

    it('reads a left sidebar as one block before the main column', async () => {
      const result = await readPdfLines(readFileSync(files.sidebar));
      expect(result.lines.map((line) => line.text)).toEqual([
        'CONTACT',
        'amara.lindqvist@example.com',
        '+46 8 555 014 22',
        'Uppsala, Sweden',
        'SKILLS',
        'Clinical data analysis',
        'R and Stan',
        'Survival models',
        'Amara Lindqvist',
        'Biostatistician',
        'EXPERIENCE',
        'Senior Biostatistician, Norrsken Pharma',
        '2020 – Present · Uppsala',
        '• Led the statistical plan of two phase III trials',
        'Biostatistician, Karolinska Trial Unit',
        '2017 – 2020 · Stockholm',
        '• Wrote the unit’s survival-analysis guidelines',
      ]);
      expect(result.lines.slice(0, 8).every((line) => line.column === 0)).toBe(true);
      expect(result.lines.slice(8).every((line) => line.column === 1)).toBe(true);
    });

    it('marks headings bold and fills the vertical gap before each line', async () => {
      const result = await readPdfLines(readFileSync(files.single));
      const heading = result.lines.find((line) => line.text === 'EDUCATION');
      const bullet = result.lines.find((line) => line.text.startsWith('• Cut'));
      expect(heading?.bold).toBe(true);
      expect(bullet?.bold).toBe(false);
      expect(heading?.gapBefore ?? 0).toBeGreaterThan(bullet?.gapBefore ?? Infinity);
    });

    it('reads a rail of headings and dates beside the entries block by block, each label before its block', async () => {
      const lines = await texts('labelRail');
      const at = (text: string) => lines.findIndex((line) => line.startsWith(text));
      expect(at('EXPERIENCE')).toBeLessThan(at('Site Manager'));
      expect(at('Cut snagging')).toBeLessThan(at('2016 – 2019'));
      expect(at('2016 – 2019')).toBeLessThan(at('Assistant Site Manager'));
      expect(at('Coordinated six')).toBeLessThan(at('EDUCATION'));
      expect(at('EDUCATION')).toBeLessThan(at('BSc Construction Management'));
    });

    it('gives the same lines from the worker thread as in-thread', async () => {
      const bytes = readFileSync(files.twoColumn);
      const inline = await readPdfLines(bytes, { thread: 'inline' });
      const worker = await readPdfLines(bytes, { thread: 'worker' });
      expect(worker).toEqual(inline);
    });

    it('stops the worker when the read is cancelled', async () => {
      const controller = new AbortController();
      const reading = readPdfLines(readFileSync(files.sidebar), {
        thread: 'worker',
        signal: controller.signal,
      });
      controller.abort();
      await expect(reading).rejects.toMatchObject({ code: 'cancelled' });
    });
  },
);
