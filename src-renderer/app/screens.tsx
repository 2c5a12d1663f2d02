/** The back office's screens, in navigation order. */
import { IconBottle, IconClipboardList, IconSettings, IconToolsKitchen2, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { canManage, type Role } from '../../shared/domain';
import { CountsScreen } from '../features/counts/CountsScreen';
import { StockScreen } from '../features/inventory/StockScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { TeamScreen } from '../features/team/TeamScreen';

export type ScreenId = 'kitchen' | 'bar' | 'counts' | 'team' | 'settings';

interface Screen {
  id: ScreenId;
  label: string;
  /** The skip link's words: where it takes the keyboard. */
  skipTo: string;
  icon: ReactNode;
  visibleTo: (role: Role) => boolean;
  render: () => ReactNode;
}

const everyone = () => true;

export const SCREENS: Screen[] = [
  {
    id: 'kitchen',
    label: 'Kitchen',
    skipTo: 'Skip to stock list',
    icon: <IconToolsKitchen2 size={20} stroke={1.6} />,
    visibleTo: everyone,
    render: () => <StockScreen key="kitchen" area="kitchen" />,
  },
  {
    id: 'bar',
    label: 'Bar',
    skipTo: 'Skip to stock list',
    icon: <IconBottle size={20} stroke={1.6} />,
    visibleTo: everyone,
    render: () => <StockScreen key="bar" area="bar" />,
  },
  {
    id: 'counts',
    label: 'Counts',
    skipTo: 'Skip to counts',
    icon: <IconClipboardList size={20} stroke={1.6} />,
    visibleTo: everyone,
    render: () => <CountsScreen />,
  },
  {
    id: 'team',
    label: 'Team',
    skipTo: 'Skip to team list',
    icon: <IconUsers size={20} stroke={1.6} />,
    visibleTo: canManage,
    render: () => <TeamScreen />,
  },
  {
    id: 'settings',
    label: 'Settings',
    skipTo: 'Skip to main content',
    icon: <IconSettings size={20} stroke={1.6} />,
    visibleTo: everyone,
    render: () => <SettingsScreen />,
  },
];
