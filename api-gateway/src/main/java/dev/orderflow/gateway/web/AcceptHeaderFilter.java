package dev.orderflow.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses with a 400 problem an {@code Accept} header that Spring's parser fails on with an unexpected
 * exception: spring-core 7.0.8 throws {@code StringIndexOutOfBoundsException}, not its
 * {@link InvalidMediaTypeException}, for a media type that opens with a quote ({@code "a/b}), and the gateway's
 * handler mapping, which reads the header, answered 500 (HostileInputIT, seed 8052193103285848670). Headers
 * Spring rejects properly go on as before: the services answer them with their own 400.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AcceptHeaderFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        try {
            exchange.getRequest().getHeaders().getAccept();
        } catch (InvalidMediaTypeException rejectedProperly) {
            // the backend answers it
        } catch (RuntimeException e) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "The Accept header is not a list of media types"));
        }
        return chain.filter(exchange);
    }
}
