package dev.orderflow.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the realm's token endpoint: answers every client credentials request with a new token of the
 * given subject and lifetime, and keeps the requests' forms.
 */
final class TokenEndpoint implements AutoCloseable {

    static final String PATH = "/realms/orderflow/protocol/openid-connect/token";

    private final HttpServer server;
    private final List<String> forms = new CopyOnWriteArrayList<>();

    private TokenEndpoint(String subject, long expiresInSeconds) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext(PATH, exchange -> {
            forms.add(new String(exchange.getRequestBody().readAllBytes(), UTF_8));
            byte[] answer = """
                    {"access_token":"%s","expires_in":%d,"token_type":"Bearer"}"""
                    .formatted(jwt(subject, forms.size()), expiresInSeconds).getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    static TokenEndpoint issuing(String subject, long expiresInSeconds) throws IOException {
        return new TokenEndpoint(subject, expiresInSeconds);
    }

    /** A token shaped like the realm's (header, claims, signature), the n-th this endpoint issued. */
    static String jwt(String subject, int n) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(UTF_8)) + "."
                + base64.encodeToString("{\"sub\":\"%s\",\"jti\":\"%d\"}".formatted(subject, n).getBytes(UTF_8))
                + ".c2lnbmF0dXJl";
    }

    URI issuer() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/realms/orderflow");
    }

    /** The forms of the requests so far. */
    List<String> forms() {
        return List.copyOf(forms);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
