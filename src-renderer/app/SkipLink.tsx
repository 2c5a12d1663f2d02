import type { RefObject } from 'react';
import classes from './SkipLink.module.css';

/** The screen's list: the first row's first button; the heading while there are no rows. */
const targetIn = (main: HTMLElement): HTMLElement | null =>
  main.querySelector<HTMLElement>('table tbody button') ?? main.querySelector<HTMLElement>('h1');

/** The first stop of the Tab key: past the navigation, straight to the screen's list (WCAG 2.4.1). */
export function SkipLink({ label, main }: { label: string; main: RefObject<HTMLElement | null> }) {
  return (
    // biome-ignore lint/a11y/useValidAnchor: a skip link is a link by convention (WCAG technique G1); it moves the focus itself, to the list's first row rather than the top of main.
    <a
      href="#main"
      className={classes.skip}
      onClick={(event) => {
        event.preventDefault();
        if (main.current) targetIn(main.current)?.focus();
      }}
    >
      {label}
    </a>
  );
}
