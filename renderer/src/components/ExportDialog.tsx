/**
 * Export: format, paper size and template with a live preview of the result. The choices are
 * remembered in the settings and offered again next time.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  cvToMarkdown,
  cvToText,
  letterToMarkdown,
  letterToText,
  listTemplates,
  renderCvHtml,
  renderLetterHtml,
} from '../../../shared/export/index';
import type { ExportChoices, Letter } from '../../../shared/model/library';
import { PAPER_MILLIMETRES, type ExportFormat, type PaperSize, type TemplateName } from '../../../shared/export/types';
import { toJsonResume, type Cv } from '../../../shared/model/cv';
import { useApi, useWorkspace } from '../state/store-context';
import { Dialog } from './Dialog';
import { DocumentPreview } from './DocumentPreview';
import { downloadFile } from './download';

const FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'pdf', label: 'PDF', hint: 'Selectable text, fonts embedded' },
  { value: 'docx', label: 'Word', hint: 'Real headings and lists, editable' },
  { value: 'md', label: 'Markdown', hint: 'Plain text with structure' },
  { value: 'txt', label: 'Plain text', hint: 'For web forms' },
  { value: 'json', label: 'JSON Resume', hint: 'For other tools' },
];

/** CSS pixels per millimetre. */
const PX_PER_MM = 96 / 25.4;

/** The scale that fits a page of `paper` into a preview `width` wide (with its margins), within bounds. */
function fittingScale(width: number, paper: PaperSize): number {
  const page = PAPER_MILLIMETRES[paper].width * PX_PER_MM;
  return Math.min(0.85, Math.max(0.4, (width - 48) / page));
}

interface ExportDialogProps {
  cv: Cv;
  /** When given, the dialog exports this cover letter (with the CV's contact details) instead of the CV. */
  letter?: Letter;
  baseName: string;
  onClose: () => void;
}

/** The export dialog of a CV. */
export function ExportDialog({ cv, letter, baseName, onClose }: ExportDialogProps) {
  const api = useApi();
  const showToast = useWorkspace((state) => state.showToast);
  const remembered = useWorkspace((state) => state.exportChoices);
  const remember = useWorkspace((state) => state.rememberExportChoices);
  const [choices, setChoices] = useState<ExportChoices>(remembered);
  const { format, template, paper } = choices;
  const choose = (change: Partial<ExportChoices>) => {
    const next = { ...choices, ...change };
    setChoices(next);
    void remember(next);
  };
  const setFormat = (value: ExportFormat) => choose({ format: value });
  const setTemplate = (value: TemplateName) => choose({ template: value });
  const setPaper = (value: PaperSize) => choose({ paper: value });
  const [isExporting, setExporting] = useState(false);
  const previewRef = useRef<HTMLDivElement>(null);
  const [previewWidth, setPreviewWidth] = useState(0);

  useEffect(() => {
    const element = previewRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setPreviewWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const templates = listTemplates();
  const hasLayout = format === 'pdf' || format === 'docx';

  const preview = useMemo(() => {
    const fontUrl = (file: string) => `./fonts/${file}`;
    switch (format) {
      case 'md':
        return { kind: 'text' as const, text: letter ? letterToMarkdown(letter, cv) : cvToMarkdown(cv) };
      case 'txt':
        return { kind: 'text' as const, text: letter ? letterToText(letter, cv) : cvToText(cv) };
      case 'json':
        return {
          kind: 'text' as const,
          text: JSON.stringify(letter ? { basics: toJsonResume(cv).basics, letter } : toJsonResume(cv), null, 2),
        };
      default:
        return {
          kind: 'page' as const,
          html: letter ? renderLetterHtml(letter, cv, { template, paper, fontUrl }) : renderCvHtml(cv, { template, paper, fontUrl }),
        };
    }
  }, [cv, letter, format, template, paper]);

  const runExport = async () => {
    setExporting(true);
    try {
      const file = letter
        ? await api.exportLetter({ letter, cv, format, template, paper, baseName })
        : await api.exportCv({ cv, format, template, paper, baseName });
      const outcome = await api.saveFile(file);
      if (outcome.status === 'download') downloadFile(file);
      if (outcome.status !== 'cancelled') {
        showToast(outcome.path ? `Saved ${outcome.path}` : `Exported ${file.fileName}`);
        onClose();
      }
    } catch (error) {
      showToast(`Export failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      setExporting(false);
    }
  };

  return (
    <Dialog
      title={letter ? 'Export cover letter' : 'Export CV'}
      wide
      onClose={onClose}
      actions={
        <>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={isExporting} onClick={() => void runExport()}>
            {isExporting ? 'Exporting…' : `Export ${FORMATS.find((item) => item.value === format)?.label}`}
          </button>
        </>
      }
    >
      <div className="export-layout">
        <div className="export-options">
          <fieldset>
            <legend>Format</legend>
            {FORMATS.map((item) => (
              <label key={item.value} className="choice compact">
                <input type="radio" name="format" value={item.value} checked={format === item.value} onChange={() => setFormat(item.value)} />
                <span>
                  <strong>{item.label}</strong> <span className="item-meta">{item.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset disabled={!hasLayout}>
            <legend>Paper</legend>
            <div className="segmented paper-choice">
              {(['a4', 'letter'] as const).map((size) => (
                <label key={size} className={`choice inline ${paper === size ? 'is-on' : ''}`}>
                  <input type="radio" name="paper" value={size} checked={paper === size} onChange={() => setPaper(size)} />
                  {size === 'a4' ? 'A4' : 'US Letter'}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset disabled={!hasLayout}>
            <legend>Template</legend>
            {templates.map((item) => (
              <label key={item.name} className="choice">
                <input type="radio" name="template" value={item.name} checked={template === item.name} onChange={() => setTemplate(item.name)} />
                <span>
                  <strong>{item.label}</strong>
                  <span className="item-meta">{item.description}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </div>
        {/* Focusable so the preview can be scrolled from the keyboard. */}
        <div ref={previewRef} className="export-preview" tabIndex={0} role="region" aria-label="Export preview">
          {preview.kind === 'page' ? (
            <DocumentPreview html={preview.html} scale={previewWidth ? fittingScale(previewWidth, paper) : 0.62} label={`Preview of the ${template} template on ${paper === 'a4' ? 'A4' : 'Letter'} paper`} />
          ) : (
            <pre className="text-preview" aria-label="Text preview">
              {preview.text}
            </pre>
          )}
        </div>
      </div>
    </Dialog>
  );
}
