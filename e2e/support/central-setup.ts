/** Playwright global set-up: the throwaway central server (see central-server.ts). */
import { startCentralServer } from './central-server';

export default startCentralServer;
