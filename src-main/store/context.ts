/** What every service works over: the device's store, the time, and the device's id. */
import type { Clock } from './clock';
import type { Db } from './database';

export interface StoreContext {
  db: Db;
  clock: Clock;
  deviceId: string;
}
