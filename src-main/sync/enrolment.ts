/**
 * Enrolling this computer on the central server as part of a sign-in, a registration or a join:
 * the person's own password proves they are an owner or a manager of the restaurant, and the
 * computer gets its own database login. A refusal is said the way a sign-in says it.
 */
import { fail } from '../../shared/errors';
import type { CentralLink } from '../central/central-link';
import { asAppFailure } from './server-calls';

export const NOT_ENROLLED =
  'This computer is not enrolled on the central server yet: an owner or a manager signs in on it once, then everyone of the restaurant can.';

/** Enrols the computer unless it is already; throws the reason it may not be. */
export async function enrolThisComputer(link: CentralLink, login: string, password: string): Promise<void> {
  if (await link.enrolled()) return;
  const outcome = await link.enrol(login, password).catch((error: unknown) => {
    throw asAppFailure(error);
  });
  switch (outcome.status) {
    case 'ok':
      return;
    case 'locked':
      throw fail.rateLimited(outcome.retryAfterSeconds);
    case 'invalid':
      throw fail.unauthenticated('Username or password is incorrect.');
    case 'inactive':
      throw fail.forbidden('This account has been deactivated. Ask your manager to reactivate it.');
    case 'forbidden':
      throw fail.forbidden(NOT_ENROLLED);
  }
}
