import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled fact in a settings panel's table (label dimmed on the left, value beside it). */
export function FactRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={150} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
