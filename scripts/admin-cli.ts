/** What the administrator's scripts (server:setup, server:import-legacy) share: the central server's options, passwords asked for. */
import { createInterface } from 'node:readline';

/** parseArgs options naming the central server and its administrator. */
export const CENTRAL_SERVER_OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string', default: '5432' },
  database: { type: 'string' },
  'admin-user': { type: 'string' },
  ca: { type: 'string' },
} as const;

/** Reads a secret from the terminal without echoing it. */
export function askHidden(question: string): Promise<string> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = terminal as unknown as { _writeToOutput: (text: string) => void };
  output._writeToOutput = (text: string) => {
    if (text.startsWith(question)) process.stdout.write(text);
  };
  return new Promise((resolve) =>
    terminal.question(question, (answer) => {
      terminal.close();
      process.stdout.write('\n');
      resolve(answer);
    }),
  );
}
