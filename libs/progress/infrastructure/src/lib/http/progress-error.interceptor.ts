import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import { errors } from '@tall/platform/http';
import { ProgressRefusal } from '@tall/progress/application';

/** The application's refusals as the error envelope: 403 FORBIDDEN, 404 STUDENT_NOT_FOUND. */
@Injectable()
export class ProgressErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof ProgressRefusal)) throw error;
        throw error.code === 'STUDENT_NOT_FOUND' ? errors.notFound('Student', error.code) : errors.forbidden(error.message, error.code);
      }),
    );
  }
}
