import { createInterface } from 'node:readline';

/** One line from the terminal without echoing it, or the first line of piped stdin. */
export function readSecretLine(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    if (!input.isTTY) {
      let text = '';
      input.setEncoding('utf8');
      input.on('data', (chunk) => (text += chunk));
      input.on('end', () => resolve(text.split(/\r?\n/)[0] ?? ''));
      input.on('error', reject);
      return;
    }
    process.stdout.write(prompt);
    const lines = createInterface({ input, output: process.stdout, terminal: true });
    // Swallow the echo: nothing typed reaches the screen.
    (lines as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => undefined;
    lines.once('line', (line) => {
      lines.close();
      process.stdout.write('\n');
      resolve(line);
    });
  });
}
