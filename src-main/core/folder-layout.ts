/** Where things live in a data folder. */
import { join } from 'node:path';

export const STORE_FILE = 'kitchenguard.sqlite';
export const storeFile = (dataFolder: string): string => join(dataFolder, STORE_FILE);
