/** Rows are born with their final id (UUIDv7), offline or not, so sync never renumbers anything. */
import { v7 } from 'uuid';

export const newId = (): string => v7();
