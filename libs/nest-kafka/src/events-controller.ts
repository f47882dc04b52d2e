import { applyDecorators, Catch, Controller, UseFilters, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter replaces a handler's error with "Internal server error", and the
 * dead letter would lose why the message was refused; this one hands the error itself back to the
 * consumer runtime, which retries it and writes its message into `dlt_detail`.
 */
@Catch()
class HandFailureToConsumer implements RpcExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

/** A controller of @EventPattern handlers run by the EventConsumerTransport. */
export const EventsController = (): ClassDecorator =>
  applyDecorators(Controller(), UseFilters(new HandFailureToConsumer()));
