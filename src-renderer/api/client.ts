/** The typed way to the core: `invoke('inventory.list', { area: 'bar' })` resolves to the channel's output. */
import { BRIDGE_GLOBAL, type KitchenGuardBridge } from '../../shared/bridge';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { BridgeError, toBridgeError } from './bridge-error';

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: KitchenGuardBridge;
  }
}

const NO_BRIDGE = new BridgeError({
  kind: 'unavailable',
  message: 'KitchenGuard cannot reach its data on this computer. Close this window and start the app again.',
});

export async function invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const bridge = window[BRIDGE_GLOBAL];
  if (!bridge) throw NO_BRIDGE;
  let result: Awaited<ReturnType<KitchenGuardBridge['invoke']>>;
  try {
    result = await bridge.invoke(channel, input);
  } catch (error) {
    throw toBridgeError(error);
  }
  if (!result.ok) throw new BridgeError(result.error);
  return result.value as ChannelOutput<C>;
}
