/**
 * Export: format, template and paper size with a live preview of the result.
 */
import { useMemo, useState } from 'react';
import {
  cvToMarkdown,
  cvToText,
  letterToMarkdown,
  letterToText,
  listTemplates,
  renderCvHtml,
  renderLetterHtml,
} from '../../../shared/export/index';
import type { Letter } from '../../../shared/model/library';
import type { ExportFormat, PaperSize, TemplateName } from '../../../shared/export/types';
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
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [template, setTemplate] = useState<TemplateName>('classic');
  const [paper, setPaper] = useState<PaperSize>('a4');
  const [isExporting, setExporting] = useState(false);
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
              <label key={item.value} className="choice">
                <input type="radio" name="format" value={item.value} checked={format === item.value} onChange={() => setFormat(item.value)} />
                <span>
                  <strong>{item.label}</strong>
                  <span className="item-meta">{item.hint}</span>
                </span>
              </label>
            ))}
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
          <fieldset disabled={!hasLayout}>
            <legend>Paper</legend>
            <div className="segmented">
              {(['a4', 'letter'] as const).map((size) => (
                <label key={size} className="choice inline">
                  <input type="radio" name="paper" value={size} checked={paper === size} onChange={() => setPaper(size)} />
                  {size === 'a4' ? 'A4' : 'US Letter'}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        {/* Focusable so the preview can be scrolled from the keyboard. */}
        <div className="export-preview" tabIndex={0} role="region" aria-label="Export preview">
          {preview.kind === 'page' ? (
            <DocumentPreview html={preview.html} scale={0.62} label={`Preview of the ${template} template on ${paper === 'a4' ? 'A4' : 'Letter'} paper`} />
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
