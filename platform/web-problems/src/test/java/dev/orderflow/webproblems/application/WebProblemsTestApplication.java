package dev.orderflow.webproblems.application;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.orderflow.webproblems.ProblemAnswers;

/**
 * A web application with nothing of its own for errors but a handler built on {@link ProblemAnswers}, as the
 * services' are: the rest of what it answers with comes from this module's auto-configuration (a package apart,
 * so that component scanning does not find the module's classes).
 */
@SpringBootApplication
public class WebProblemsTestApplication {

    @RestController
    public static class Things {

        public final AtomicInteger created = new AtomicInteger();

        @GetMapping("/things")
        Map<String, String> find(@RequestParam(defaultValue = "") String name) {
            return Map.of("name", name);
        }

        @PostMapping("/things")
        @ResponseStatus(HttpStatus.CREATED)
        Map<String, Object> create(@RequestBody Map<String, Object> thing) {
            created.incrementAndGet();
            return thing;
        }

        @GetMapping("/things/{id}")
        Map<String, String> one(@PathVariable UUID id) {
            throw new NoSuchElementException("no thing " + id);
        }

        @GetMapping("/things/{name}/parts")
        Map<String, String> parts(@PathVariable String name) {
            throw new NoSuchElementException("no thing named " + name);
        }

        @GetMapping("/failure")
        String failure() {
            throw new IllegalStateException("internal detail the client must not see");
        }
    }

    @RestControllerAdvice
    static class Problems extends ProblemAnswers {

        @ExceptionHandler
        ProblemDetail notFound(NoSuchElementException e) {
            return problem(HttpStatus.NOT_FOUND, "Thing not found", e.getMessage());
        }
    }
}
