package dev.orderflow.webproblems;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects with a 400 problem, before any handler runs, a request whose answer or parameters could not be read:
 * <ul>
 * <li>an {@code Accept} header that is no list of media types. Content negotiation would fail only once the handler
 * has done its work (say, placed an order), and Spring MVC then drops the body of the error it cannot negotiate:
 * the client got an empty 406.</li>
 * <li>a query string that is not %-encoded UTF-8. Tomcat throws when the parameters are first read, in argument
 * resolution, and the request ended as a 500 that the gateway counts against the service's health.</li>
 * </ul>
 * The answer goes through {@code sendError}, which {@link ProblemDetailsErrorController} renders.
 */
class UnreadableRequestFilter extends OncePerRequestFilter {

    private static final HeaderContentNegotiationStrategy ACCEPT = new HeaderContentNegotiationStrategy();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> unreadable = unreadableAccept(request).or(() -> unreadableQuery(request));
        if (unreadable.isPresent()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, unreadable.get());
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> unreadableAccept(HttpServletRequest request) {
        try {
            ACCEPT.resolveMediaTypes(new ServletWebRequest(request));
            return Optional.empty();
        } catch (HttpMediaTypeNotAcceptableException | RuntimeException e) {
            // RuntimeException: spring-core 7.0.8 throws StringIndexOutOfBoundsException, not its
            // InvalidMediaTypeException, for a media type that opens with a quote ("a/b).
            return Optional.of("The Accept header is not a list of media types");
        }
    }

    private static Optional<String> unreadableQuery(HttpServletRequest request) {
        if (request.getQueryString() == null || bodyHoldsParameters(request)) {
            return Optional.empty();
        }
        try {
            request.getParameterMap();
            return Optional.empty();
        } catch (IllegalStateException e) { // Tomcat's InvalidParameterException
            return Optional.of("The query string could not be read: a malformed %-encoding, characters that are not "
                    + "UTF-8, or too many parameters");
        }
    }

    /** A form's body is read with the parameters: that is for its handler to do (or to refuse), not a filter. */
    private static boolean bodyHoldsParameters(HttpServletRequest request) {
        String contentType = request.getContentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip();
        return mediaType.equalsIgnoreCase(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                || mediaType.equalsIgnoreCase(MediaType.MULTIPART_FORM_DATA_VALUE);
    }
}
