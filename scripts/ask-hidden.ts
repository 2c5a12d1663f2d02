/** Reads a secret from the terminal without echoing it (the administrator's scripts ask for passwords). */
import { createInterface } from 'node:readline';

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
