/** Playwright global teardown: removes the central server the set-up started. */
import { stopCentralServer } from './central-server';

export default stopCentralServer;
