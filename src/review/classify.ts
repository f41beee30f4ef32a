// Stage 2: which findings the pull request is responsible for. A finding whose fingerprint exists in the
// base view too is pre-existing (counted, not commented) unless it sits on a line the PR changed.
import type { Finding } from '../types.js';
import type { ChangeSet } from './diff.js';

export interface Classified {
  /** Findings the PR introduces (anywhere in the mesh view, touched file or not). */
  fresh: Finding[];
  /** Pre-existing findings on lines the PR added or modified: commented as well. */
  touchedPreExisting: Finding[];
  /** Pre-existing findings left alone (counted in the summary). */
  preExisting: Finding[];
}

export function classifyFindings(head: readonly Finding[], base: readonly Finding[], changes: ChangeSet): Classified {
  const baseFps = new Set(base.map((f) => f.fingerprint));
  const byPath = new Map(changes.files.map((f) => [f.path, f]));
  const out: Classified = { fresh: [], touchedPreExisting: [], preExisting: [] };
  for (const f of head) {
    // A rule that crashed did not check the head: never "pre-existing", or a crash on both sides would hide the change.
    if (!baseFps.has(f.fingerprint) || f.rule === 'internal-error') {
      out.fresh.push(f);
      continue;
    }
    const cf = byPath.get(f.file);
    let touched = false;
    if (cf) for (let l = f.line; l <= Math.max(f.line, f.endLine) && !touched; l++) touched = cf.added.has(l);
    (touched ? out.touchedPreExisting : out.preExisting).push(f);
  }
  return out;
}
