/**
 * What serves the auth.* and team.* channels. Without a central server this computer's store is the
 * authority (local.ts); with one, the server decides and this store caches what it says (central.ts).
 * switch.ts asks which on every call: a computer can be connected or disconnected while the app runs.
 */
import type { ChannelName, ChannelOutput, ParsedInput } from '../../shared/contract';
import type { Actor } from '../ipc/actor';

type AccountChannel = Extract<ChannelName, `auth.${string}` | `team.${string}`>;
type Answer<C extends AccountChannel> = ChannelOutput<C> | Promise<ChannelOutput<C>>;

export interface AccountBackend {
  register(input: ParsedInput<'auth.register'>): Answer<'auth.register'>;
  signIn(input: ParsedInput<'auth.login'>): Answer<'auth.login'>;
  signOut(): Answer<'auth.logout'>;
  /** Who is signed in on this computer (a restart resumes the session), or null. */
  resume(): Answer<'auth.session'>;
  changePassword(actor: Actor, input: ParsedInput<'auth.changePassword'>): Answer<'auth.changePassword'>;
  updateProfile(actor: Actor, input: ParsedInput<'auth.updateProfile'>): Answer<'auth.updateProfile'>;
  issueResetCode(actor: Actor, input: ParsedInput<'auth.issueResetCode'>): Answer<'auth.issueResetCode'>;
  resetPassword(input: ParsedInput<'auth.resetPassword'>): Answer<'auth.resetPassword'>;
  setCurrency(actor: Actor, input: ParsedInput<'auth.setCurrency'>): Answer<'auth.setCurrency'>;
  listTeam(actor: Actor): Answer<'team.list'>;
  addMember(actor: Actor, input: ParsedInput<'team.create'>): Answer<'team.create'>;
  setRole(actor: Actor, input: ParsedInput<'team.setRole'>): Answer<'team.setRole'>;
  deactivate(actor: Actor, input: ParsedInput<'team.deactivate'>): Answer<'team.deactivate'>;
  reactivate(actor: Actor, input: ParsedInput<'team.reactivate'>): Answer<'team.reactivate'>;
  listComputers(actor: Actor): Answer<'team.computers'>;
  revokeComputer(actor: Actor, input: ParsedInput<'team.revokeComputer'>): Answer<'team.revokeComputer'>;
}
