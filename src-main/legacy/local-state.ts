/** What this computer's store already holds for one planned restaurant (see holdings.ts). */
import { usersHoldingNames } from '../auth/accounts-store';
import type { Db } from '../store/database';
import { type Holdings, holdingsFrom, namesWanted, oldKeysOf } from './holdings';
import { rememberedRows } from './local-rows-store';
import type { PlannedRestaurant } from './plan';

export const readLocalState = (db: Db, restaurant: PlannedRestaurant): Holdings =>
  holdingsFrom(
    restaurant,
    rememberedRows(db, restaurant.key, oldKeysOf(restaurant)),
    usersHoldingNames(db, namesWanted(restaurant)),
    'on this computer',
  );
