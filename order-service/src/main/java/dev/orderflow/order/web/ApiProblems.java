package dev.orderflow.order.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import dev.orderflow.order.application.AccessRefused;
import dev.orderflow.order.application.IdempotencyKeyReused;
import dev.orderflow.order.domain.OrderNotFound;
import dev.orderflow.order.domain.OrderTransitionRejected;
import dev.orderflow.webproblems.ProblemAnswers;

/**
 * Every error as an RFC 9457 problem naming its request: Spring MVC's own exceptions (malformed JSON, wrong
 * types, unknown paths, unsupported media types) through the base class, the domain's here. Validation problems
 * list each rejected field.
 */
@RestControllerAdvice
class ApiProblems extends ProblemAnswers {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler
    ProblemDetail notFound(OrderNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Order not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail accessRefused(AccessRefused e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail transitionRejected(OrderTransitionRejected e) {
        return problem(HttpStatus.CONFLICT, "Order cannot change this way", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "Order changed concurrently",
                "the order was changed by another request or event; read it again and retry");
    }

    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReused e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "request parameters are invalid");
        problem.setProperty("errors", e.getConstraintViolations().stream()
                .map(violation -> Map.of("field", violation.getPropertyPath().toString(),
                        "message", violation.getMessage()))
                .toList());
        return problem;
    }

    /** The database is unreachable: a client may retry shortly, nothing was written. */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("Request failed, database unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                        "the order store is unavailable; nothing was changed, retry later"));
    }

    /** Anything unforeseen: logged in full here, never shown to the client. */
    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        log.error("Request failed unexpectedly", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the request could not be completed");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request body is invalid");
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "request parameters are invalid");
        problem.setProperty("errors", e.getAllErrors().stream()
                .map(error -> Map.of("message", String.valueOf(error.getDefaultMessage())))
                .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (NestedExceptionUtils.getRootCause(e) instanceof RequestBodyLimit.BodyTooLarge tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", tooLarge.getMessage()));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                "the body is not valid JSON of the expected shape"));
    }
}
