import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A row button whose popover or menu is mounted only while open, so thousands of rows stay cheap to
 * mount. The button is mounted afresh as it closes: the focus goes back to it, then `close`'s
 * follow-up runs (a dialog opened from a menu finds the focus on the button, and gives it back there).
 */
export function useRowPopup() {
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
  return { opened, setOpened, close, button };
}
