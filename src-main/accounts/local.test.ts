/** The account scenarios against this computer's own store: no central server set up. */
import { type TestCore, testCores } from '../testing/temp-core';
import { type BackendUnderTest, describeAccountBackend } from './testing/account-scenarios';

const open = testCores();

/** Another computer on the same store stands for anyone else using this restaurant's accounts. */
const onStore = (core: TestCore): BackendUnderTest =>
  Object.assign(core, {
    anotherComputer: async () => onStore(await open({ folder: core.folder, clock: core.clock })),
    passTime: async (ms: number) => core.clock.advance(ms),
  });

describeAccountBackend('this computer', async () => onStore(await open()));
