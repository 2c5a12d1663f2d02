import { Group, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from './SortableHeader.module.css';

interface SortableHeaderProps {
  children: ReactNode;
  direction: false | 'asc' | 'desc';
  numeric?: boolean;
  onToggle: ((event: unknown) => void) | undefined;
}

/**
 * A column title that is a real button: click, Enter or Space sorts; the arrow says which way. Over
 * numbers (right-aligned) the arrow stands before the title, so the title lines up with them.
 */
export function SortableHeader({ children, direction, numeric, onToggle }: SortableHeaderProps) {
  const Arrow = direction === 'asc' ? IconArrowUp : direction === 'desc' ? IconArrowDown : IconArrowsSort;
  const arrow = <Arrow size={12} className={classes.arrow} aria-hidden />;
  return (
    <UnstyledButton onClick={onToggle} className={classes.button} data-sorted={direction || undefined}>
      <Group gap={4} wrap="nowrap" justify={numeric ? 'flex-end' : 'flex-start'}>
        {numeric && arrow}
        <span>{children}</span>
        {!numeric && arrow}
      </Group>
    </UnstyledButton>
  );
}
