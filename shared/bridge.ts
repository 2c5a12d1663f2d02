/**
 * What the preload (Electron) or the preview bridge (browser) puts on `window`: one function.
 * The renderer never sees Node, SQL, files or secrets; it only sends a channel name and an input.
 */
import type { InvokeResult } from './errors';

export interface KitchenGuardBridge {
  invoke(channel: string, input: unknown): Promise<InvokeResult<unknown>>;
}

export const BRIDGE_GLOBAL = 'kitchenGuard';

/** The single ipcMain channel the preload forwards `invoke` over. */
export const IPC_INVOKE = 'kitchenguard:invoke';
