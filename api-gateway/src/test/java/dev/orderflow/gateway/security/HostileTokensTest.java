package dev.orderflow.gateway.security;

import java.util.List;
import java.util.Random;

import dev.orderflow.gateway.security.HostileAuthorizations.Hostile;
import dev.orderflow.gateway.support.GatewayIntegrationTest;
import dev.orderflow.testinfra.HttpTestClient;
import dev.orderflow.testinfra.RawHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over 200 generated hostile tokens and Authorization headers ({@link HostileAuthorizations}), each sent byte for
 * byte over its own connection: every one is refused with a problem (401; 400 for two Authorization headers or a
 * header that Netty or Spring Security's firewall does not accept; 431 past the header size limit), never a server
 * error, and no service is called.
 * Run again with {@code -Dorderflow.hostile-seed=<seed>} to repeat a failing seed.
 */
class HostileTokensTest extends GatewayIntegrationTest {

    private static final long SEED = Long.getLong("orderflow.hostile-seed", new Random().nextLong());
    private static final List<Hostile> HOSTILE = new HostileAuthorizations(identityProvider, new Random(SEED)).all();

    static List<Hostile> hostileRequests() {
        return HOSTILE;
    }

    @Test
    void triesAtLeastTwoHundredHostileRequests() {
        assertThat(HOSTILE).hasSizeGreaterThanOrEqualTo(200);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostileRequests")
    void refusesWithAProblemNeverAServerErrorAndCallsNoService(Hostile hostile) {
        HttpTestClient.Response response = new RawHttpClient(port).send(hostile.requestLine(),
                hostile.headers().toArray(String[]::new));

        String why = "seed " + SEED + ", " + hostile.name() + ": " + response.status() + " " + response.body();
        assertThat(response.status()).as(why).isIn(hostile.statuses());
        assertThat(response.header("content-type")).as(why).hasValue("application/problem+json");
        assertThat(response.json().get("status").asInt()).as(why).isEqualTo(response.status());
        assertThat(response.json().get("title").asString()).as(why).isNotBlank();
        if (response.status() == 401) {
            assertThat(response.header("www-authenticate")).as(why).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        }
        assertThat(orderService.receivedCount() + deliveryService.receivedCount()).as(why).isZero();
    }
}
