package health.ordo.adapter.web.approval;

import health.ordo.application.port.in.approval.ApprovalRequiredException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** An action held by maker-checker: {@code 202 Accepted}, the pending approval in the body and its URL in Location. */
@Singleton
class ApprovalRequiredHandler implements ExceptionHandler<ApprovalRequiredException, HttpResponse<ApprovalDto>> {

    @Override
    public HttpResponse<ApprovalDto> handle(HttpRequest request, ApprovalRequiredException e) {
        return HttpResponse.<ApprovalDto>status(HttpStatus.ACCEPTED).body(ApprovalDto.of(e.request()))
                .header("Location", "/api/v1/approvals/" + e.request().id());
    }
}
