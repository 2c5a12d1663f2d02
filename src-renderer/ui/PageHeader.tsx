import { Group, Text, Title } from '@mantine/core';
import { memo, type ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  description: string;
  actions?: ReactNode;
}

/** Every screen opens the same way: its name, one line on what it is for, its main action. */
export const PageHeader = memo(function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end" wrap="nowrap">
      <div>
        {/* Focusable from code only: where the focus lands after signing in. */}
        <Title order={1} fz={26} tabIndex={-1} style={{ outline: 'none' }}>
          {title}
        </Title>
        <Text c="dimmed" size="sm" mt={2}>
          {description}
        </Text>
      </div>
      {actions}
    </Group>
  );
});
