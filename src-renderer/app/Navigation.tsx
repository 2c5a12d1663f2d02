import { ActionIcon, AppShell, Avatar, Group, NavLink, Stack, Text, Tooltip } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useSignOut } from '../features/auth/session';
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

/** Inside the app shell's navbar, the one `nav` landmark ("Main"): the screens, and who is signed in. */
export function Navigation({ screens, current, onSelect }: NavigationProps) {
  const { user, restaurant } = useSignedIn();
  const signOut = useSignOut();
  return (
    <>
      <AppShell.Section mb="lg">
        <Brand />
        <Text size="sm" c="dimmed" mt={4} truncate="end" title={restaurant.name}>
          {restaurant.name}
        </Text>
      </AppShell.Section>
      <AppShell.Section grow>
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
          <div style={{ minWidth: 0, flex: 1 }}>
            <Text size="sm" fw={500} truncate="end">
              {user.fullName}
            </Text>
            <Text size="xs" c="dimmed" tt="capitalize">
              {user.role}
            </Text>
          </div>
          {/* Always in reach, whatever the screen and however long it is. */}
          <Tooltip label="Sign out" position="top">
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label="Sign out"
              loading={signOut.isPending}
              onClick={() => signOut.mutate({})}
            >
              <IconLogout size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </AppShell.Section>
    </>
  );
}
