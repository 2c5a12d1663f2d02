/**
 * CI, after `package-app.ts --smoke`: reads the fuses back from the packaged binary and fails
 * unless they are the ones electron-builder.yml asks for, which include every fuse the release
 * requires. Prints the whole wire either way.
 */
import { getCurrentFuseWire } from '@electron/fuses';
import { configuredFuses, fuseMismatches, REQUIRED_FUSES } from './fuses';
import { PACKAGED_APP_MISSING, packagedApp } from './packaged-app';

async function main(): Promise<number> {
  const app = packagedApp();
  if (!app) {
    console.error(`check-fuses: ${PACKAGED_APP_MISSING}`);
    return 1;
  }
  console.log(`check-fuses: ${app.fuseTarget}`);
  console.log(await getCurrentFuseWire(app.fuseTarget));
  const problems = await fuseMismatches(app.fuseTarget, { ...configuredFuses(), ...REQUIRED_FUSES });
  for (const problem of problems) console.error(`check-fuses: ${problem}`);
  if (problems.length === 0) console.log('check-fuses: every fuse as electron-builder.yml sets it');
  return problems.length === 0 ? 0 : 1;
}

process.exit(await main());
