/** The whole bridge: one `invoke`. No Node, no ipcRenderer, no events reach the page. */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, IPC_INVOKE, type KitchenGuardBridge } from '../../shared/bridge';

const bridge: KitchenGuardBridge = {
  invoke: (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
