package dev.orderflow.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.orderflow.audit.ClientCredentials;

/** The token is renewed off the request path: reading it never asks the issuer. */
class BearerTokenTest {

    private final AtomicInteger issued = new AtomicInteger();
    private HttpServer issuer;

    /** An issuer whose tokens live this many seconds. */
    private URI issuerOfTokensLasting(long seconds) throws IOException {
        issuer = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        issuer.createContext("/realms/orderflow/protocol/openid-connect/token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = "{\"access_token\":\"token-%d\",\"expires_in\":%d}".formatted(issued.incrementAndGet(),
                    seconds).getBytes(UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        issuer.start();
        return URI.create("http://localhost:" + issuer.getAddress().getPort() + "/realms/orderflow");
    }

    @AfterEach
    void stop() {
        if (issuer != null) {
            issuer.stop(0);
        }
    }

    @Test
    void readingTheTokenAsksTheIssuerOnlyOnceWhileItLasts() throws Exception {
        try (BearerToken token = BearerToken.renewedInBackground(ClientCredentials.automation(
                issuerOfTokensLasting(300)))) {
            for (int request = 0; request < 10_000; request++) {
                assertThat(token.value()).isEqualTo("token-1");
            }

            assertThat(issued).hasValue(1);
            assertThat(token.fetched()).isEqualTo(1);
        }
    }

    @Test
    void aThreadOfItsOwnRenewsItWhenAThirdOfItsLifetimeIsLeft() throws Exception {
        try (BearerToken token = BearerToken.renewedInBackground(ClientCredentials.automation(
                issuerOfTokensLasting(3)))) {
            assertThat(token.value()).isEqualTo("token-1");

            await().atMost(Duration.ofSeconds(5)).until(() -> token.value().equals("token-2"));
            assertThat(token.fetched()).isEqualTo(2);
        }
    }

    @Test
    void anIssuerThatGivesNoTokenStopsTheRunBeforeItMeasuresAnything() {
        assertThatIllegalStateException().isThrownBy(() -> BearerToken.renewedInBackground(
                ClientCredentials.automation(URI.create("http://localhost:1/realms/orderflow"))));
    }
}
