import { useCallback, useEffect, useRef, useState } from 'react';
import { sameDraft, type ItemDraft } from './item-draft';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error' | 'conflict';

/** What a save answers: the stored version, or a conflict carrying the other person's stored answer. */
export type SaveOutcome<T extends ItemDraft> =
  { ok: true; stored: T & { version: number } } | { ok: false; theirs: T & { version: number } };

/**
 * Autosave for one item: a change is saved after a short pause (or at once by `flush`, e.g. when the panel
 * closes), against the version it was based on. A stale version never overwrites: the save answers a conflict
 * and the panel shows both versions until the user chooses. Saves never overlap; edits made during a save are
 * saved after it.
 */
export function useAutosave<T extends ItemDraft>(opts: {
  base: T & { version: number };
  save: (draft: ItemDraft, version: number) => Promise<SaveOutcome<T>>;
  delay?: number;
}) {
  const delay = opts.delay ?? 700;
  const [draft, setDraftState] = useState<ItemDraft>(opts.base);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<unknown>(null);
  const [theirs, setTheirs] = useState<(T & { version: number }) | null>(null);
  const stored = useRef(opts.base);
  const latest = useRef<ItemDraft>(opts.base);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const saveRef = useRef(opts.save);
  saveRef.current = opts.save;
  const blocked = useRef(false);

  const run = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      await inFlight.current;
      return run();
    }
    if (blocked.current || sameDraft(latest.current, stored.current)) {
      if (!blocked.current) setState('saved');
      return;
    }
    const sending = latest.current;
    let failed = false;
    setState('saving');
    const p = (async () => {
      try {
        const out = await saveRef.current(sending, stored.current.version);
        if (out.ok) {
          stored.current = out.stored;
          setError(null);
          setState(sameDraft(latest.current, out.stored) ? 'saved' : 'unsaved');
        } else {
          blocked.current = true;
          setTheirs(out.theirs);
          setState('conflict');
        }
      } catch (e) {
        failed = true;
        setError(e);
        setState('error');
      }
    })();
    inFlight.current = p;
    await p;
    inFlight.current = null;
    // Edits made during the save go next; a failed save waits for the user's retry (flush).
    if (!failed && !blocked.current && !sameDraft(latest.current, stored.current)) await run();
  }, []);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void run();
    }, delay);
  }, [delay, run]);

  const setDraft = useCallback(
    (next: ItemDraft) => {
      latest.current = next;
      setDraftState(next);
      if (blocked.current) return;
      setState(sameDraft(next, stored.current) ? 'saved' : 'unsaved');
      schedule();
    },
    [schedule],
  );

  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    await run();
  }, [run]);

  /** Resolves a conflict with the version to keep, saved on top of theirs (or theirs as is). */
  const resolve = useCallback(
    async (keep: ItemDraft) => {
      const other = theirs;
      if (!other) return;
      stored.current = other;
      blocked.current = false;
      setTheirs(null);
      latest.current = keep;
      setDraftState(keep);
      if (sameDraft(keep, other)) {
        setState('saved');
        return;
      }
      await run();
    },
    [theirs, run],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return { draft, setDraft, state, error, theirs, flush, resolve, storedVersion: () => stored.current.version };
}
