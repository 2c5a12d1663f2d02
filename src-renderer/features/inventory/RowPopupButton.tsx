import { type ReactElement, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';

/** What the popover or menu of a row's button is given: how to close it, then do something. */
export interface RowPopup {
  setOpened: (opened: boolean) => void;
  /** Closes it; `then` runs once the focus is back on the button. */
  close: (then?: () => void) => void;
}

interface RowPopupButtonProps {
  /** What the button says to screen readers, e.g. "Adjust stock of Olive oil". */
  label: string;
  className: string | undefined;
  title?: string;
  /** What opens: a dialog-like popover or a menu. */
  opens: 'dialog' | 'menu';
  /** The button's face. */
  children: ReactNode;
  /** The popover or menu around `target` (the button), rendered only while open. */
  popup: (target: ReactElement, controls: RowPopup) => ReactElement;
}

/**
 * A row's button whose popover or menu is mounted only while open, so thousands of rows stay cheap
 * to mount. The button is mounted afresh as it closes: the focus goes back to it, then `close`'s
 * follow-up runs (a dialog opened from a menu finds the focus on the button, and gives it back there).
 * While open, the popover's own target handling closes it on a second click.
 */
export function RowPopupButton({ label, className, title, opens, children, popup }: RowPopupButtonProps) {
  const [opened, setOpened] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpened = useRef(false);
  const afterClosing = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (wasOpened.current && !opened) {
      button.current?.focus();
      afterClosing.current?.();
      afterClosing.current = null;
    }
    wasOpened.current = opened;
  }, [opened]);

  const close = useCallback((then?: () => void) => {
    afterClosing.current = then ?? null;
    setOpened(false);
  }, []);

  const target = (
    <button
      ref={button}
      type="button"
      className={className}
      aria-label={label}
      aria-haspopup={opens}
      aria-expanded={opened}
      title={title}
      onClick={opened ? undefined : () => setOpened(true)}
    >
      {children}
    </button>
  );
  return opened ? popup(target, { setOpened, close }) : target;
}
