import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';

interface BrandProps {
  size?: 'md' | 'lg';
  /** White on a coloured background. */
  inverted?: boolean;
}

/** The app's mark and name. Not a heading: each screen has its own. */
export function Brand({ size = 'md', inverted = false }: BrandProps) {
  const large = size === 'lg';
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={large ? 40 : 30} radius="md" variant={inverted ? 'white' : 'filled'} aria-hidden>
        <IconShieldCheck size={large ? 24 : 18} />
      </ThemeIcon>
      <Text fz={large ? 26 : 18} fw={700} lh={1.1} c={inverted ? 'white' : undefined}>
        KitchenGuard
      </Text>
    </Group>
  );
}
