import type { ReactNode } from 'react';
import classes from './Page.module.css';

/** `fill`: the content (a long table) takes the remaining height and scrolls itself. */
export function Page({ children, fill = false }: { children: ReactNode; fill?: boolean }) {
  return <div className={`${classes.page} ${fill ? classes.fill : ''}`}>{children}</div>;
}
