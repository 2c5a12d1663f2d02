import { Button, Modal } from '@mantine/core';
import { IconTable } from '@tabler/icons-react';
import { memo, useState } from 'react';
import type { Area } from '../../../shared/domain';
import type { ItemSuggestions } from './ItemForm';
import { QuickEntryGrid } from './QuickEntryGrid';

/** "Quick entry": the grid for many items at once. Kept mounted while closed, so nothing typed is lost. */
export const QuickEntryButton = memo(function QuickEntryButton({
  area,
  suggestions,
}: {
  area: Area;
  suggestions: ItemSuggestions;
}) {
  const [opened, setOpened] = useState(false);
  const close = () => setOpened(false);
  return (
    <>
      <Button variant="default" leftSection={<IconTable size={16} />} onClick={() => setOpened(true)}>
        Quick entry
      </Button>
      <Modal opened={opened} onClose={close} keepMounted size="min(1200px, 100vw - 64px)" title={`Add ${area} items`}>
        <QuickEntryGrid area={area} suggestions={suggestions} onClose={close} />
      </Modal>
    </>
  );
});
