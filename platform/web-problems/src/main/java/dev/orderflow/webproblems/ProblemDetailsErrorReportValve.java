package dev.orderflow.webproblems;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error answer as a problem instead of its HTML page. It answers what Tomcat rejects before any
 * application sees the request: a request line or URI it cannot parse (a raw control character, a %-encoding that
 * is malformed or not UTF-8), where no servlet context is mapped and Spring's error handling cannot run.
 * <p>
 * Nothing from the request goes into the answer: Tomcat's messages quote the rejected input.
 */
public class ProblemDetailsErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As the base class: only an error (sendError) that nothing has answered yet, on a connection still usable.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGoneOrResponseClosed) {
            // Nobody left to tell.
        }
    }

    private static Map<String, Object> problem(int status) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", ProblemDetailsErrorController.title(status));
        problem.put("status", status);
        if (status == HttpStatus.BAD_REQUEST.value()) {
            problem.put("detail", "The request line, its URI or its headers could not be parsed");
        }
        return problem;
    }
}
