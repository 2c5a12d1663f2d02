import { AppShell, Avatar, Group, NavLink, Stack, Text } from '@mantine/core';
import { useSignedIn } from '../features/auth/signed-in';
import { Brand } from '../ui/Brand';
import type { ScreenId } from './screens';

interface NavigationProps {
  screens: { id: ScreenId; label: string; icon: React.ReactNode }[];
  current: ScreenId | undefined;
  onSelect: (screen: ScreenId) => void;
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');

export function Navigation({ screens, current, onSelect }: NavigationProps) {
  const { user, restaurant } = useSignedIn();
  return (
    <>
      <AppShell.Section mb="lg">
        <Brand />
        <Text size="sm" c="dimmed" mt={4} truncate="end" title={restaurant.name}>
          {restaurant.name}
        </Text>
      </AppShell.Section>
      <AppShell.Section grow component="nav" aria-label="Main">
        <Stack gap={4}>
          {screens.map((screen) => (
            <NavLink
              key={screen.id}
              component="button"
              type="button"
              label={screen.label}
              leftSection={screen.icon}
              active={screen.id === current}
              aria-current={screen.id === current ? 'page' : undefined}
              onClick={() => onSelect(screen.id)}
              variant="light"
              styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, label: { fontWeight: 500 } }}
            />
          ))}
        </Stack>
      </AppShell.Section>
      <AppShell.Section>
        <Group gap="sm" wrap="nowrap">
          <Avatar color="teal" radius="xl" aria-hidden>
            {initials(user.fullName)}
          </Avatar>
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} truncate="end">
              {user.fullName}
            </Text>
            <Text size="xs" c="dimmed" tt="capitalize">
              {user.role}
            </Text>
          </div>
        </Group>
      </AppShell.Section>
    </>
  );
}
