import { useCallback, useEffect, useRef, useState } from 'react';
import { sameDraft, type ItemDraft } from './item-draft';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error' | 'conflict';

/** What a save answers: the stored version, or a conflict carrying the other person's stored answer. */
export type SaveOutcome<T extends ItemDraft> =
  { ok: true; stored: T & { version: number } } | { ok: false; theirs: T & { version: number } };

/** A change of a held field saved on purpose: under audit, the individual control with its change date and reason. */
export interface RecordedChange {
  effectiveDate: string;
  reason: string;
}

/**
 * Autosave for one item: a change is saved after a short pause (or at once by `flush`, e.g. when the panel
 * closes), against the version it was based on. A stale version never overwrites: the save answers a conflict
 * and the panel shows both versions until the user chooses. Saves never overlap; edits made during a save are
 * saved after it.
 * `hold` keeps fields out of the autosave (it answers the draft as the autosave may send it, the held fields as
 * stored): under audit the individual control is saved only by `record`, as a dated recorded change, never per
 * pause in typing. `held` says whether the draft has such an unsaved change.
 */
export function useAutosave<T extends ItemDraft>(opts: {
  base: T & { version: number };
  save: (draft: ItemDraft, version: number, record?: RecordedChange) => Promise<SaveOutcome<T>>;
  delay?: number;
  hold?: ((draft: ItemDraft, stored: ItemDraft) => ItemDraft) | undefined;
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
  const holdRef = useRef(opts.hold);
  holdRef.current = opts.hold;
  const [held, setHeld] = useState(false);
  /** What the autosave may send of a draft: the held fields as stored. */
  const auto = useCallback((d: ItemDraft) => (holdRef.current ? holdRef.current(d, stored.current) : d), []);
  const settle = useCallback(() => {
    setHeld(!sameDraft(latest.current, auto(latest.current)));
    if (blocked.current) setState('conflict');
    else setState(sameDraft(auto(latest.current), stored.current) ? 'saved' : 'unsaved');
  }, [auto]);

  const run = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      await inFlight.current;
      return run();
    }
    if (blocked.current || sameDraft(auto(latest.current), stored.current)) {
      if (!blocked.current) settle();
      return;
    }
    const sending = auto(latest.current);
    let failed = false;
    setState('saving');
    const p = (async () => {
      try {
        const out = await saveRef.current(sending, stored.current.version);
        if (out.ok) {
          stored.current = out.stored;
          setError(null);
          settle();
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
    if (!failed && !blocked.current && !sameDraft(auto(latest.current), stored.current)) await run();
  }, [auto, settle]);

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
      setHeld(!sameDraft(next, auto(next)));
      if (blocked.current) return;
      setState(sameDraft(auto(next), stored.current) ? 'saved' : 'unsaved');
      schedule();
    },
    [schedule, auto],
  );

  /**
   * Saves the whole draft now, held fields included, as a recorded change. Answers false on a conflict (the panel
   * then shows both versions); a failed save rejects, for the form that asked to show it.
   */
  const record = useCallback(
    async (change: RecordedChange): Promise<boolean> => {
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
      }
      while (inFlight.current) await inFlight.current;
      if (blocked.current) return false;
      const sending = latest.current;
      setState('saving');
      const p = saveRef.current(sending, stored.current.version, change);
      inFlight.current = p.then(
        () => undefined,
        () => undefined,
      );
      let ok = false;
      try {
        const out = await p;
        if (out.ok) {
          stored.current = out.stored;
          setError(null);
          ok = true;
        } else {
          blocked.current = true;
          setTheirs(out.theirs);
        }
      } finally {
        inFlight.current = null;
        settle();
      }
      if (!blocked.current && !sameDraft(auto(latest.current), stored.current)) void run();
      return ok;
    },
    [auto, settle, run],
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
      if (sameDraft(auto(keep), other)) {
        settle();
        return;
      }
      await run();
    },
    [theirs, run, auto, settle],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return {
    draft,
    setDraft,
    state,
    error,
    theirs,
    flush,
    resolve,
    record,
    held,
    storedVersion: () => stored.current.version,
  };
}
