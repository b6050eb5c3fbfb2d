/**
 * The window: library sidebar, the open CV, notices and toasts.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useWorkspace } from '../state/store-context';
import { CvEditor } from './CvEditor';
import { CvHeader } from './CvHeader';
import { ImportButton, ImportOverlays } from './ImportControls';
import { ImportReportPanel } from './ImportReportPanel';
import { JobBoard } from './JobBoard';
import { JobPanel } from './JobPanel';
import { LibrarySidebar } from './LibrarySidebar';
import { QueuePanel } from './queue/QueuePanel';
import { ReviewWorkspace } from './review/ReviewWorkspace';
import { SettingsView } from './SettingsView';
import { useMediaQuery, WIDE_WINDOW_QUERY } from './useMediaQuery';

function Notices() {
  const notices = useWorkspace((state) => state.notices);
  const dismiss = useWorkspace((state) => state.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice, index) => (
        <div className="notice" role="alert" key={index}>
          <p>
            {notice.message}
            {notice.keptAt && <span className="item-meta"> The damaged file is at {notice.keptAt}.</span>}
          </p>
          <button type="button" className="icon" aria-label="Dismiss" onClick={() => dismiss(index)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

function Toasts() {
  const toasts = useWorkspace((state) => state.toasts);
  const dismiss = useWorkspace((state) => state.dismissToast);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                toast.action?.run();
                dismiss(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="icon" aria-label="Dismiss message" onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

function EmptyState() {
  const createCv = useWorkspace((state) => state.createCv);
  return (
    <div className="empty-state">
      <h1>Start with your CV</h1>
      <p>
        Your CV stays on this computer. Import your existing CV (PDF, Word, Markdown, text, JSON Resume or your LinkedIn data export) or start from scratch;
        everything saves as you type.
      </p>
      <div className="empty-actions">
        <ImportButton />
        <button type="button" className="primary" onClick={() => void createCv('My CV')}>
          Create a CV
        </button>
      </div>
    </div>
  );
}

/** A page of its own (settings, the board): its title, then its content scrolling below. */
function Page({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <header className="cv-header">
        <div className="cv-title">
          <h1>{title}</h1>
        </div>
      </header>
      <div className="editor-scroll">{children}</div>
    </>
  );
}

/**
 * Whether the library sidebar is open: in a wide window as the person left it (remembered); in
 * a narrow one folded, opening over the content until something is chosen.
 */
function useSidebar() {
  const isWide = useMediaQuery(WIDE_WINDOW_QUERY);
  const isCollapsed = useWorkspace((state) => state.isSidebarCollapsed);
  const setCollapsed = useWorkspace((state) => state.setSidebarCollapsed);
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const [wasWide, setWasWide] = useState(isWide);
  if (wasWide !== isWide) {
    // Crossing into a narrow window starts with the sidebar folded again.
    setWasWide(isWide);
    setDrawerOpen(false);
  }
  const isOpen = isWide ? !isCollapsed : isDrawerOpen;
  const toggle = useCallback(() => {
    if (isWide) void setCollapsed(!isCollapsed);
    else setDrawerOpen((open) => !open);
  }, [isWide, isCollapsed, setCollapsed]);
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const isShortcut = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'b';
      if (isShortcut && !document.querySelector('[role="dialog"]')) {
        event.preventDefault();
        toggle();
      } else if (event.key === 'Escape' && !isWide && isDrawerOpen && !document.querySelector('[role="dialog"]')) {
        setDrawerOpen(false);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [toggle, isWide, isDrawerOpen]);

  return { isOpen, isOverlay: !isWide, toggle, closeDrawer };
}

/** The whole window. */
export function App() {
  const isReady = useWorkspace((state) => state.isReady);
  const loadError = useWorkspace((state) => state.loadError);
  const openCv = useWorkspace((state) => state.openCv);
  const flush = useWorkspace((state) => state.flush);
  const sidePanel = useWorkspace((state) => state.sidePanel);
  const setSidePanel = useWorkspace((state) => state.setSidePanel);
  const view = useWorkspace((state) => state.view);
  const activeJob = useWorkspace((state) => state.activeJob);
  const sidebar = useSidebar();

  useEffect(() => {
    const save = () => void flush();
    window.addEventListener('beforeunload', save);
    document.addEventListener('visibilitychange', save);
    return () => {
      window.removeEventListener('beforeunload', save);
      document.removeEventListener('visibilitychange', save);
    };
  }, [flush]);

  return (
    <div className={`app ${sidebar.isOpen && !sidebar.isOverlay ? 'sidebar-open' : 'sidebar-collapsed'}`}>
      <LibrarySidebar isOpen={sidebar.isOpen} isOverlay={sidebar.isOverlay} onToggle={sidebar.toggle} onNavigate={sidebar.closeDrawer} />
      {sidebar.isOpen && sidebar.isOverlay && <div className="sidebar-scrim" aria-hidden="true" onMouseDown={sidebar.closeDrawer} />}
      <main className="workspace">
        <Notices />
        {!isReady ? (
          <p className="loading" role="status">
            Opening your library…
          </p>
        ) : loadError ? (
          <div className="empty-state" role="alert">
            <h1>The library could not be opened</h1>
            <p>{loadError}</p>
          </div>
        ) : view === 'settings' ? (
          <Page title="Settings">
            <SettingsView />
          </Page>
        ) : view === 'board' ? (
          <Page title="Applications">
            <JobBoard />
          </Page>
        ) : view === 'queue' ? (
          <Page title="Job queue">
            <QueuePanel />
          </Page>
        ) : view === 'review' ? (
          <ReviewWorkspace />
        ) : openCv ? (
          <>
            <CvHeader />
            <div className={`workspace-body ${sidePanel ? 'with-panel' : ''}`}>
              <div className="editor-scroll">
                <CvEditor />
              </div>
              {sidePanel === 'job' && activeJob && <JobPanel job={activeJob} onClose={() => setSidePanel(null)} />}
              {sidePanel === 'report' && openCv.importReport && (
                <ImportReportPanel
                  report={openCv.importReport}
                  fileName={openCv.importedFrom?.fileName ?? 'Imported file'}
                  onClose={() => setSidePanel(null)}
                />
              )}
            </div>
          </>
        ) : (
          <EmptyState />
        )}
      </main>
      <ImportOverlays />
      <Toasts />
    </div>
  );
}
