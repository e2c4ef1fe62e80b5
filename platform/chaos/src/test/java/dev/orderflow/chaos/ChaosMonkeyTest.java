package dev.orderflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.orderflow.testinfra.HttpTestClient;

/** Fault injection is off unless asked for, toggled at runtime, and impossible in production. */
class ChaosMonkeyTest {

    private static final String[] CHAOS_SETTINGS = {
            "server.port=0",
            "chaos.monkey.watcher.rest-controller=true",
            "management.endpoint.chaosmonkey.access=unrestricted",
            "management.endpoints.web.exposure.include=health,chaosmonkey"};

    @Test
    void chaosMonkeyIsAbsentWithoutItsProfile() {
        try (ConfigurableApplicationContext app = start()) {
            HttpTestClient http = http(app);
            assertThat(http.get("/actuator/chaosmonkey").status()).isEqualTo(404);
            assertThat(http.get("/hello").status()).isEqualTo(200);
        }
    }

    @Test
    void assaultsAreSwitchedOnAndOffAtRuntime() {
        try (ConfigurableApplicationContext app = start("chaos-monkey")) {
            HttpTestClient http = http(app);
            assertThat(http.get("/hello").status()).as("off until enabled").isEqualTo(200);

            assertThat(http.post("/actuator/chaosmonkey/enable", "").status()).isEqualTo(200);
            assertThat(http.post("/actuator/chaosmonkey/assaults",
                    "{\"level\":1,\"exceptionsActive\":true,\"latencyActive\":false}").status()).isEqualTo(200);
            assertThat(http.get("/hello").status()).isEqualTo(500);

            assertThat(http.post("/actuator/chaosmonkey/disable", "").status()).isEqualTo(200);
            assertThat(http.get("/hello").status()).isEqualTo(200);
        }
    }

    @Test
    void productionRefusesToStartWithChaosMonkey() {
        assertThatThrownBy(() -> start("prod", "chaos-monkey").close())
                .rootCause().hasMessageContaining("may not be active together with the prod profile");
    }

    private static ConfigurableApplicationContext start(String... profiles) {
        return new SpringApplicationBuilder(ChaosTestApplication.class).profiles(profiles).properties(CHAOS_SETTINGS)
                .run();
    }

    private static HttpTestClient http(ConfigurableApplicationContext app) {
        return new HttpTestClient("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));
    }
}
