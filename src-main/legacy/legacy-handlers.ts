/** "Bring over from the old KitchenGuard" on the sign-in screen: nobody is signed in yet (desktop-import.ts). */
import type { legacyChannels } from '../../shared/contract/legacy';
import type { Handlers } from '../ipc/handler';
import { type DesktopImportDeps, previewImport, runImport } from './desktop-import';

export function legacyHandlers(deps: DesktopImportDeps): Handlers<keyof typeof legacyChannels> {
  return {
    'legacy.preview': (input) => previewImport(deps, input),
    'legacy.import': (input) => runImport(deps, input),
  };
}
