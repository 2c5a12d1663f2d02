/**
 * The one declaration of every IPC channel: its name, the zod schema of its input and of its output.
 * Main validates against it; the renderer's client takes its static types from it.
 */
import type { z } from 'zod';
import { authChannels } from './auth';
import { backupsChannels } from './backups';
import { centralChannels } from './central';
import { computerChannels } from './computer';
import { countUnitsChannels } from './count-units';
import { countsChannels } from './counts';
import { inventoryChannels } from './inventory';
import { legacyChannels } from './legacy';
import { storageChannels } from './storage';
import { syncChannels } from './sync';
import { teamChannels } from './team';
import { updatesChannels } from './updates';

export const channels = {
  ...authChannels,
  ...teamChannels,
  ...inventoryChannels,
  ...countUnitsChannels,
  ...storageChannels,
  ...countsChannels,
  ...computerChannels,
  ...centralChannels,
  ...syncChannels,
  ...backupsChannels,
  ...updatesChannels,
  ...legacyChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What a caller may pass (before defaults are applied). */
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.hasOwn(channels, name);
