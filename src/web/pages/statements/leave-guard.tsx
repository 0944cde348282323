import { Button, Group, Modal, Text } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Keeps an item panel's unrecorded change from being dropped silently. Under audit the individual control is not
 * autosaved (it is saved only as a recorded change), so closing the panel, pressing Esc or opening another item
 * would lose what was typed. The editor asks first: keep editing, or discard the change. Leaving the page (reload,
 * closing the tab) is asked by the browser (beforeunload).
 */
interface Guard {
  /** The open panel says whether it holds an unrecorded change. */
  setHeld: (held: boolean) => void;
}

const LeaveGuardContext = createContext<Guard | null>(null);

/** For the item panel: reports whether it holds a change that leaving would lose. */
export function useLeaveGuard(held: boolean) {
  const guard = useContext(LeaveGuardContext);
  useEffect(() => {
    guard?.setHeld(held);
    return () => guard?.setHeld(false);
  }, [guard, held]);
  useEffect(() => {
    if (!held) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [held]);
}

/**
 * For the editor: `guarded(action)` runs the action at once, or, while the open panel holds an unrecorded change,
 * asks first. Asked again while the question shows (Esc reaches the drawer too), it means "go back": the question
 * closes and the panel stays open. `provider` wraps the panel; `question` is the modal to render.
 */
export function useLeaveQuestion() {
  const { t } = useTranslation();
  const held = useRef(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const pendingRef = useRef<(() => void) | null>(null);
  const ask = useCallback((next: (() => void) | null) => {
    pendingRef.current = next;
    setPending(() => next);
  }, []);
  const guard = useMemo<Guard>(() => ({ setHeld: (h) => void (held.current = h) }), []);
  const guarded = useCallback(
    (action: () => void) => {
      if (pendingRef.current) ask(null);
      else if (held.current) ask(action);
      else action();
    },
    [ask],
  );
  const discard = () => {
    const action = pendingRef.current;
    ask(null);
    held.current = false;
    action?.();
  };
  const question = (
    <Modal
      opened={pending !== null}
      onClose={() => ask(null)}
      closeOnEscape={false}
      title={t('revisionHistory.leaveTitle')}
      zIndex={400}
      closeButtonProps={{ 'aria-label': t('revisionHistory.leaveStay') }}
      data-testid="leave-question"
    >
      <Text size="sm">{t('revisionHistory.leaveUnsaved')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => ask(null)} data-autofocus data-testid="leave-stay">
          {t('revisionHistory.leaveStay')}
        </Button>
        <Button color="red.8" onClick={discard} data-testid="leave-discard">
          {t('revisionHistory.leaveDiscard')}
        </Button>
      </Group>
    </Modal>
  );
  const provider = (children: React.ReactNode) => (
    <LeaveGuardContext.Provider value={guard}>{children}</LeaveGuardContext.Provider>
  );
  return { guarded, question, provider };
}
