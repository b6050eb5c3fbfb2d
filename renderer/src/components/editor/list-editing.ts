/**
 * Adding, moving and removing the entries of one list of the draft (a section, the profiles),
 * with focus kept where the person is working and every removal undoable.
 */
import { original } from 'immer';
import { useContext, useMemo } from 'react';
import type { Cv, CvSection } from '../../../../shared/model/cv';
import { moveItem } from '../../../../shared/model/order';
import { StoreContext, useWorkspace } from '../../state/store-context';

/** An entry as the generic editor sees it: a loose object with an optional id. */
export type Entry = Record<string, unknown> & { id?: string };

/** Where a list lives in the CV, and the name it goes by in the page (`data-entry-of`). */
export interface ListAddress {
  key: string;
  read(cv: Cv): Entry[] | undefined;
  write(cv: Cv, list: Entry[]): void;
}

/** The address of a list section. */
export function sectionList(section: CvSection): ListAddress {
  return {
    key: section,
    read: (cv) => cv[section],
    write: (cv, list) => {
      (cv as Record<string, unknown>)[section] = list;
    },
  };
}

/** The address of the profile links in the basics. */
export const PROFILE_LIST: ListAddress = {
  key: 'profiles',
  read: (cv) => cv.basics?.profiles,
  write: (cv, list) => {
    cv.basics ??= {};
    cv.basics.profiles = list;
  },
};

/** What a list editor can do; the object is stable, so memoised entries do not re-render. */
export interface ListEditing {
  key: string;
  add(entry: Entry, at: 'start' | 'end'): void;
  move(from: number, to: number): void;
  /** Removes an entry and offers to undo it; `label` names it in the message. */
  remove(index: number, label: string): void;
  setText(index: number, field: string, value: string): void;
  setList(index: number, field: string, values: string[]): void;
  setBullets(index: number, bullets: string[], ids: string[]): void;
}

/** The rendered entries of a list, in order. */
export function entryElements(key: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-entry-of="${CSS.escape(key)}"]`)];
}

function afterRender(run: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(run));
}

/** After a move, keeps focus in the moved entry; a move button that became disabled hands it to its twin. */
function settleFocus(key: string, index: number): void {
  afterRender(() => {
    const entry = entryElements(key)[index];
    if (!entry) return;
    const active = document.activeElement;
    const isUsable =
      active instanceof HTMLElement && entry.contains(active) && !(active as HTMLButtonElement).disabled;
    if (isUsable) return;
    const twin = entry.querySelector<HTMLElement>('[data-move]:not(:disabled)');
    (twin ?? entry).focus();
  });
}

/** Focuses the first field of an entry (a new or restored one). */
export function focusEntryField(key: string, index: number): void {
  afterRender(() => {
    const entry = entryElements(key)[index];
    const field = entry?.querySelector<HTMLElement>('input, textarea');
    (field ?? entry)?.focus();
  });
}

/** After a removal, focuses the entry that took its place, or the list's add button. */
function focusAfterRemoval(key: string, index: number): void {
  afterRender(() => {
    const entries = entryElements(key);
    const next = entries[Math.min(index, entries.length - 1)];
    const add = document.querySelector<HTMLElement>(`[data-add-for="${CSS.escape(key)}"]`);
    (next ?? add)?.focus();
  });
}

/** The editing actions of one list, through the store's draft (so autosave and versions apply). */
export function useListEditing(list: ListAddress): ListEditing {
  const editDraft = useWorkspace((state) => state.editDraft);
  const showToast = useWorkspace((state) => state.showToast);
  const store = useContext(StoreContext);
  return useMemo(() => {
    const openCvId = () => store?.getState().openCv?.id;
    const editEntry = (index: number, change: (entry: Entry) => void) =>
      editDraft((cv) => {
        const entry = list.read(cv)?.[index];
        if (entry) change(entry);
      });
    const insert = (entry: Entry, index: number) => {
      editDraft((cv) => {
        const items = [...(list.read(cv) ?? [])];
        items.splice(Math.min(index, items.length), 0, entry);
        list.write(cv, items);
      });
    };
    return {
      key: list.key,
      add(entry, at) {
        let index = 0;
        editDraft((cv) => {
          const items = list.read(cv) ?? [];
          index = at === 'start' ? 0 : items.length;
          list.write(cv, at === 'start' ? [entry, ...items] : [...items, entry]);
        });
        focusEntryField(list.key, index);
      },
      move(from, to) {
        editDraft((cv) => {
          const items = list.read(cv);
          if (!items || from === to || to < 0 || to >= items.length) return;
          list.write(cv, moveItem(items, from, to));
        });
        settleFocus(list.key, to);
      },
      remove(index, label) {
        let removed: Entry | undefined;
        editDraft((cv) => {
          const items = list.read(cv);
          if (!items?.[index]) return;
          // The entry as it was before this change: drafts are gone once the change is made.
          removed = original(items[index]) ?? undefined;
          list.write(
            cv,
            items.filter((_, position) => position !== index),
          );
        });
        focusAfterRemoval(list.key, index);
        const restored = removed;
        const cvId = openCvId();
        if (!restored) return;
        // Undo puts the entry back only into the CV it came from, should another one be open by now.
        const offerUndo = (text: string): void =>
          showToast(text, 'info', {
            label: 'Undo',
            run: () => {
              if (openCvId() !== cvId) {
                offerUndo(`${label} was removed from another CV: open that CV again, then Undo.`);
                return;
              }
              insert(restored, index);
              focusEntryField(list.key, index);
            },
          });
        offerUndo(`Removed ${label}.`);
      },
      setText(index, field, value) {
        editEntry(index, (entry) => void (entry[field] = value));
      },
      setList(index, field, values) {
        editEntry(index, (entry) => void (entry[field] = values));
      },
      setBullets(index, bullets, ids) {
        editEntry(index, (entry) => {
          entry.highlights = bullets;
          entry.highlightIds = ids;
        });
      },
    };
  }, [editDraft, showToast, list, store]);
}
