import type { countsChannels } from '../../shared/contract/counts';
import type { Handlers } from '../ipc/handler';
import type { CountsService } from './counts-service';

export function countsHandlers(counts: CountsService): Handlers<keyof typeof countsChannels> {
  return {
    'counts.list': (_input, request) => counts.list(request.actor()),
    'counts.start': (input, request) => counts.start(request.actor(), input),
    'counts.get': (input, request) => counts.get(request.actor(), input.countId),
    'counts.enter': (input, request) => counts.enter(request.actor(), input),
    'counts.undoEntry': (input, request) => counts.undoEntry(request.actor(), input),
    'counts.submit': (input, request) => counts.submit(request.actor(), input.countId),
    'counts.review': (input, request) => counts.review(request.actor(), input.countId),
    'counts.settle': (input, request) => counts.settle(request.actor(), input),
    'counts.requestRecount': (input, request) => counts.requestRecount(request.actor(), input),
    'counts.approve': (input, request) => counts.approve(request.actor(), input),
    'counts.abandon': (input, request) => counts.abandon(request.actor(), input.countId),
    'counts.usage': (input, request) => counts.usage(request.actor(), input),
  };
}
