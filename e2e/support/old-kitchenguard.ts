/**
 * The old KitchenGuard the e2e run brings over: its databases in the run's throwaway cluster
 * (central-server.ts), with the rows of src-main/legacy/testing/old-fixture.ts, and the people of
 * Harbour Bistro with the passwords their Python-made hashes hold.
 */
import { OLD } from '../../src-main/legacy/testing/old-fixture';
import { centralServer, type OldKitchenGuardInfo } from './central-server';

export const oldKitchenGuard = (): OldKitchenGuardInfo => centralServer().old;

export const OLD_ALICE = { login: OLD.alice.username, password: OLD.alice.password };
