package dev.orderflow.delivery.web;

import jakarta.validation.ConstraintViolationException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.orderflow.delivery.application.AccessRefused;
import dev.orderflow.delivery.domain.DeliveryNotFound;
import dev.orderflow.webproblems.ProblemAnswers;

/** Every error as an RFC 9457 problem naming its request; Spring MVC's own exceptions go through the base class. */
@RestControllerAdvice
class ApiProblems extends ProblemAnswers {

    @ExceptionHandler
    ProblemDetail notFound(DeliveryNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Delivery not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail accessRefused(AccessRefused e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }
}
