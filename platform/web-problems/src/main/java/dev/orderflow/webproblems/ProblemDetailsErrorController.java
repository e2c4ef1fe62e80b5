package dev.orderflow.webproblems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Spring Boot's {@code /error} dispatch as a problem, in place of Boot's own JSON ({@code timestamp}, {@code error},
 * {@code path}). It answers whatever called {@code sendError} outside the services' exception handlers: Tomcat
 * refusing TRACE with 405 before any servlet runs, {@link UnreadableRequestFilter}, Spring MVC when an exception
 * handler itself failed, an exception that escaped everything (500).
 * <p>
 * The content type is set here, so that the answer never depends on content negotiation: the request's
 * {@code Accept} header may be the very thing that is wrong with it.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemDetailsErrorController implements ErrorController {

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
            // Called directly, not dispatched for an error: there is nothing at this path.
            return answer(problem(HttpStatus.NOT_FOUND.value()), request.getRequestURI());
        }
        ProblemDetail problem = problem(status);
        // A message given to sendError was written for the client; an exception's message was not.
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null
                && request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String message
                && !message.isBlank()) {
            problem.setDetail(message);
        }
        return answer(problem, (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    }

    private static ProblemDetail problem(int status) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(title(status));
        return problem;
    }

    /** The status's reason phrase; a status without one (a 599) still gets a title. */
    static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, String requestUri) {
        if (requestUri != null) {
            problem.setInstance(ProblemInstance.of(requestUri));
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
