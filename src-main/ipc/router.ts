/**
 * The one entry point for every IPC call, whichever host carries it (Electron's ipcMain or the
 * browser preview's loopback bridge). It checks the channel, validates the input against the
 * contract, runs the handler and, in tests and development, validates its output. Errors leave as
 * `AppError` data only.
 */
import { type ChannelName, channels, isChannelName } from '../../shared/contract';
import { type AppError, AppFailure, type InvokeResult, validationError } from '../../shared/errors';
import type { Handlers, Request } from './handler';

export interface Logger {
  error(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
}

export interface Router {
  invoke(channel: unknown, input: unknown): Promise<InvokeResult<unknown>>;
}

const INTERNAL: AppError = {
  kind: 'internal',
  message: 'Something went wrong inside KitchenGuard. Nothing was changed; the details are in the log.',
};

export interface RouterOptions {
  /**
   * Check each output against the contract: on in tests and development, where a handler that
   * breaks it is a bug to catch; off in a packaged app, where checking 20,000 rows on every list
   * would cost more than the list. Inputs are always checked: they come from the untrusted page.
   */
  checkOutputs: boolean;
  /**
   * Turns a known failure of the machine (a full disk) into an error the person can act on;
   * anything else is a bug, logged and answered as `internal`.
   */
  explain?: (error: unknown) => AppError | null;
}

export function createRouter(
  handlers: Handlers<ChannelName>,
  request: Request,
  log: Logger,
  { checkOutputs, explain = () => null }: RouterOptions,
): Router {
  return {
    async invoke(channel, input) {
      if (!isChannelName(channel)) {
        return {
          ok: false,
          error: {
            kind: 'validation',
            message: 'Unknown channel',
            issues: [{ path: 'channel', message: 'Unknown channel' }],
          },
        };
      }
      const contract = channels[channel];
      try {
        // Inside the try: a schema that throws on hostile input must still answer with data.
        const parsed = contract.input.safeParse(input);
        if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
        const handler = handlers[channel] as (input: unknown, request: Request) => unknown;
        const output = await handler(parsed.data, request);
        if (!checkOutputs) return { ok: true, value: output };
        const checked = contract.output.safeParse(output);
        if (checked.success) return { ok: true, value: checked.data };
        log.error(`Output of ${channel} broke the contract`, checked.error.issues);
        return { ok: false, error: INTERNAL };
      } catch (error) {
        if (error instanceof AppFailure) return { ok: false, error: error.error };
        const explained = explain(error);
        if (explained) {
          log.warn(`${channel}: ${explained.message}`);
          return { ok: false, error: explained };
        }
        log.error(`Handler ${channel} failed`, error);
        return { ok: false, error: INTERNAL };
      }
    },
  };
}
