import { Paper, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';

interface StatCardProps {
  label: string;
  value: string;
  caption: ReactNode;
  color?: string;
}

/** A figure with its label: a group named by the label, so the value is read with it. */
export function StatCard({ label, value, caption, color }: StatCardProps) {
  const labelId = useId();
  return (
    <Paper withBorder radius="md" px="md" py="sm" role="group" aria-labelledby={labelId}>
      <Text id={labelId} size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.4}>
        {label}
      </Text>
      <Text fz={22} fw={700} c={color} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {caption}
      </Text>
    </Paper>
  );
}
