/**
 * Schema migrations of the library file.
 */
import { withIds, type Cv } from '../../../shared/model/cv';
import type { Migration } from './json-document';

interface LegacyCv {
  id?: string;
  name?: string;
  cv?: Cv;
}

/**
 * v0 → v1: files from before versioning held `{ cvs: [{ id, name, cv }] }` with no timestamps,
 * no version history and no jobs. Every CV keeps its content, gains ids, timestamps and a
 * first version.
 */
const v0ToV1: Migration = {
  from: 0,
  migrate(data) {
    const now = new Date().toISOString();
    const legacy = Array.isArray(data.cvs) ? (data.cvs as LegacyCv[]) : [];
    const cvs = legacy.map((entry, index) => {
      const cv = withIds(entry.cv ?? {});
      return {
        id: entry.id ?? `cv-migrated-${index + 1}`,
        name: entry.name ?? cv.basics?.name ?? `CV ${index + 1}`,
        createdAt: now,
        updatedAt: now,
        cv,
        versions: [{ id: `v-migrated-${index + 1}`, createdAt: now, label: 'Before upgrade', cv }],
      };
    });
    return { schemaVersion: 1, cvs, jobs: Array.isArray(data.jobs) ? data.jobs : [] };
  },
};

/** Every library migration, in order. */
export const LIBRARY_MIGRATIONS: Migration[] = [v0ToV1];
