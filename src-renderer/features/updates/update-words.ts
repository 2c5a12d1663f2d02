/** What Settings → About says about an update, in the app's words. */
import type { UpdateState } from '../../../shared/contract/updates';

export function describeUpdate(state: UpdateState): string {
  switch (state.kind) {
    case 'unavailable':
      return state.reason;
    case 'idle':
      return 'Not checked yet: KitchenGuard looks a few seconds after it starts, then every few hours.';
    case 'checking':
      return 'Checking for updates…';
    case 'up-to-date':
      return state.newer
        ? `Up to date. Version ${state.newer} is being released gradually and reaches this computer soon.`
        : 'Up to date.';
    case 'downloading':
      return `Downloading version ${state.version} in the background: ${Math.floor(state.percent)}%.`;
    case 'ready':
      return `Version ${state.version} is downloaded. It is installed when you restart KitchenGuard.`;
    case 'error':
      return `The last check did not work: ${state.message}`;
  }
}

/** While something is moving, the panel asks again every second. */
export const isBusy = (state: UpdateState): boolean => state.kind === 'checking' || state.kind === 'downloading';
