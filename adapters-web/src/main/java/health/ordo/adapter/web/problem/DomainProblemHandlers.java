package health.ordo.adapter.web.problem;

import health.ordo.application.port.in.NotFoundException;
import health.ordo.application.port.in.claims.CodeSetExistsException;
import health.ordo.application.port.in.tenant.TenantExistsException;
import health.ordo.application.port.in.connector.InvalidConnectorException;
import health.ordo.application.port.in.routing.NotAWorkerException;
import health.ordo.application.port.in.workitem.UnreadableDocumentException;
import health.ordo.application.port.out.workitem.ConcurrentUpdateException;
import health.ordo.domain.shared.InvalidValueException;
import health.ordo.domain.priority.InvalidPolicyException;
import health.ordo.domain.workitem.IllegalTransitionException;
import health.ordo.domain.workitem.NotAllowedException;
import health.ordo.domain.workitem.OverrideRefusedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/** Maps the exceptions of domain and application to problems; one small handler per exception type. */
final class DomainProblemHandlers {

    private DomainProblemHandlers() {
    }

    @Singleton
    static final class InvalidValue implements ExceptionHandler<InvalidValueException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidValueException e) {
            return Problems.invalidField(request, e.field(), e.getMessage());
        }
    }

    @Singleton
    static final class InvalidRequest implements ExceptionHandler<InvalidRequestException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidRequestException e) {
            String detail = e.errors().size() == 1 ? e.errors().get(0).message()
                    : e.errors().size() + " fields are not valid: " + String.join(", ",
                    e.errors().stream().map(Problem.FieldError::field).toList());
            return Problems.response(request, ProblemType.INVALID_REQUEST, detail, e.errors());
        }
    }

    @Singleton
    static final class IllegalTransition implements ExceptionHandler<IllegalTransitionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, IllegalTransitionException e) {
            return Problems.response(request, ProblemType.ILLEGAL_TRANSITION, ProblemType.ILLEGAL_TRANSITION.status(),
                    e.getMessage(), List.of(), e.rule(), e.currentStatus().name());
        }
    }

    @Singleton
    static final class NotFound implements ExceptionHandler<NotFoundException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, NotFoundException e) {
            return Problems.response(request, ProblemType.NOT_FOUND, e.getMessage(), List.of());
        }
    }

    @Singleton
    static final class ConcurrentUpdate implements ExceptionHandler<ConcurrentUpdateException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConcurrentUpdateException e) {
            return Problems.response(request, ProblemType.CONCURRENT_UPDATE, e.getMessage(), List.of());
        }
    }

    @Singleton
    static final class InvalidPolicy implements ExceptionHandler<InvalidPolicyException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidPolicyException e) {
            return Problems.response(request, ProblemType.INVALID_REQUEST, e.getMessage(),
                    e.problems().stream().map(p -> new Problem.FieldError(p.path(), p.message())).toList());
        }
    }

    @Singleton
    static final class OverrideRefused implements ExceptionHandler<OverrideRefusedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, OverrideRefusedException e) {
            return Problems.response(request, ProblemType.OVERRIDE_REFUSED, ProblemType.OVERRIDE_REFUSED.status(),
                    e.getMessage(), List.of(), e.rule(), null);
        }
    }

    @Singleton
    static final class InvalidConnector implements ExceptionHandler<InvalidConnectorException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidConnectorException e) {
            return Problems.response(request, ProblemType.UNPROCESSABLE, e.getMessage(), List.of(new Problem.FieldError(e.field(), e.getMessage())));
        }
    }

    @Singleton
    static final class CodeSetExists implements ExceptionHandler<CodeSetExistsException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, CodeSetExistsException e) {
            return Problems.response(request, ProblemType.ALREADY_EXISTS, e.getMessage(), List.of(new Problem.FieldError("version", e.getMessage())));
        }
    }

    @Singleton
    static final class TenantExists implements ExceptionHandler<TenantExistsException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, TenantExistsException e) {
            return Problems.response(request, ProblemType.ALREADY_EXISTS, e.getMessage(), List.of(new Problem.FieldError("slug", e.getMessage())));
        }
    }

    @Singleton
    static final class NotAllowed implements ExceptionHandler<NotAllowedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, NotAllowedException e) {
            return Problems.response(request, ProblemType.FORBIDDEN, ProblemType.FORBIDDEN.status(), e.getMessage(), List.of(),
                    e.rule(), null);
        }
    }

    @Singleton
    static final class NotAWorker implements ExceptionHandler<NotAWorkerException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, NotAWorkerException e) {
            return Problems.response(request, ProblemType.FORBIDDEN, e.getMessage(), List.of());
        }
    }

    @Singleton
    static final class UnreadableDocument implements ExceptionHandler<UnreadableDocumentException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, UnreadableDocumentException e) {
            return Problems.response(request, ProblemType.UNPROCESSABLE, e.getMessage(),
                    List.of(new Problem.FieldError(e.location(), e.getMessage())));
        }
    }

    @Singleton
    static final class UnsupportedDocument
            implements ExceptionHandler<health.ordo.application.port.in.intake.UnsupportedDocumentException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, health.ordo.application.port.in.intake.UnsupportedDocumentException e) {
            return Problems.response(request, e.tooLarge() ? ProblemType.PAYLOAD_TOO_LARGE : ProblemType.UNSUPPORTED_MEDIA_TYPE, e.getMessage(),
                    List.of(new Problem.FieldError("file", e.getMessage())));
        }
    }
}
