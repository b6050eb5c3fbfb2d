/**
 * The skills dictionary, loaded once on first use as its own chunk, so the app's first screen
 * does not wait for it.
 */
import { useEffect, useState } from 'react';
import { createSkillsDictionary, type SkillsDictionary } from '../../../shared/match/index';

let loaded: SkillsDictionary | null = null;
let loading: Promise<SkillsDictionary> | null = null;

/** Loads the dictionary (once per page; later calls share the same promise). */
export function loadSkillsDictionary(): Promise<SkillsDictionary> {
  loading ??= import('../../../resources/skills/skills.json')
    .then((module) => {
      loaded = createSkillsDictionary(module.default);
      return loaded;
    })
    .catch((error: unknown) => {
      // A failed fetch (the host restarting) may be retried by the next caller.
      loading = null;
      throw error;
    });
  return loading;
}

/** The dictionary, or null until it has loaded (callers show nothing computed from it until then). */
export function useSkillsDictionary(): SkillsDictionary | null {
  const [dictionary, setDictionary] = useState<SkillsDictionary | null>(loaded);
  useEffect(() => {
    if (dictionary) return;
    let isCurrent = true;
    loadSkillsDictionary().then(
      (value) => {
        if (isCurrent) setDictionary(value);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [dictionary]);
  return dictionary;
}
