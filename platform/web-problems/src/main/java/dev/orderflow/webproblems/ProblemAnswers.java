package dev.orderflow.webproblems;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The base of a service's exception handlers: Spring MVC's own exceptions as problems (the base class), and every
 * problem answered with its {@code instance} set here ({@link ProblemInstance}). Left to Spring MVC, a path with a
 * relaxed character such as {@code /orders/[x]} made setting the instance throw inside the handler, and the
 * client got a bare 400 without the detail that said what was wrong.
 */
public abstract class ProblemAnswers extends ResponseEntityExceptionHandler {

    /** A problem of the current request, with a title and a detail for the client. */
    protected static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return withInstance(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            withInstance(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ProblemDetail withInstance(ProblemDetail problem) {
        if (problem.getInstance() == null
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            problem.setInstance(ProblemInstance.of(attributes.getRequest().getRequestURI()));
        }
        return problem;
    }
}
