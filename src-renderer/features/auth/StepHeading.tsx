import { Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface StepHeadingProps {
  /** For the form it heads to be labelled by it (`aria-labelledby`). */
  id: string;
  title: string;
  /** One line on what the step is for. */
  children: ReactNode;
}

/** The heading of a step on the sign-in screen's card: sign in, register, reset code, central server. */
export function StepHeading({ id, title, children }: StepHeadingProps) {
  return (
    <div>
      <Title order={1} fz={26} id={id}>
        {title}
      </Title>
      <Text c="dimmed" size="sm" mt={4}>
        {children}
      </Text>
    </div>
  );
}
