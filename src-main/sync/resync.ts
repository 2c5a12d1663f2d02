/**
 * After the server was restored from an older backup (a new generation) or this device was away
 * past the kept history: put back what this device holds (team, items, movements) but what its
 * outbox still carries, continue the outbox where it stands, and pull everything again from a snapshot.
 */
import type { CentralServer } from '../central/central-server';
import type { Db } from '../store/database';
import { acknowledgedMutation } from '../store/outbox';
import { forgetPosition } from './sync-state';
import { setDevicePosition, uploadHoldings } from './upload';

interface ResyncTarget {
  db: Db;
  server: CentralServer;
  token: string;
  deviceId: string;
  restaurantId: string;
}

export async function resync(target: ResyncTarget): Promise<void> {
  const { db } = target;
  await uploadHoldings(target, 'what-the-outbox-lacks');
  await setDevicePosition(target, acknowledgedMutation(db));
  forgetPosition(db);
}
