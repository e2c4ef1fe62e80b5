package dev.orderflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class AuditCommandTest {

    @Test
    void readsTheStackSettingsFromTheCommandLine() {
        AuditCommand.Options options = AuditCommand.Options.parse("--gateway", "http://localhost:18080",
                "--issuer", "http://localhost:18180/realms/orderflow", "--deadline", "10s", "--settle", "500ms",
                "--wait", "2m");

        assertThat(options).isEqualTo(new AuditCommand.Options(URI.create("http://localhost:18080"),
                URI.create("http://localhost:18180/realms/orderflow"), Duration.ofSeconds(10), Duration.ofMillis(500),
                Duration.ofMinutes(2)));
    }

    @Test
    void defaultsToTheLocalStackGatewayItsIssuerAndItsDeadline() {
        AuditCommand.Options options = AuditCommand.Options.parse();

        assertThat(options.gateway()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(options.issuer()).isEqualTo(URI.create("http://localhost:8180/realms/orderflow"));
        assertThat(options.deadline()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatIllegalArgumentException().isThrownBy(() -> AuditCommand.Options.parse("--deadline", "soon"));
        assertThatIllegalArgumentException().isThrownBy(() -> AuditCommand.Options.parse("--verbose", "yes"));
    }

    @Test
    void helpIsAskedForAnywhereOnTheLineAndNotTakenForAnOptionWithoutItsValue() {
        assertThat(AuditCommand.asksForHelp("--help")).isTrue();
        assertThat(AuditCommand.asksForHelp("--gateway", "http://localhost:18080", "-h")).isTrue();
        assertThat(AuditCommand.asksForHelp("--gateway", "http://localhost:18080")).isFalse();
        assertThat(AuditCommand.USAGE).contains("--gateway", "--issuer", "ORDERFLOW_CLIENT_SECRET", "--deadline",
                "--settle", "--wait", "exit code");
    }

    @Test
    void answersThreeWhenNoTokenCanBeHad() {
        int exit = AuditCommand.run(new AuditCommand.Options(URI.create("http://localhost:1"),
                URI.create("http://localhost:1/realms/orderflow"), Duration.ofSeconds(60), Duration.ofSeconds(5),
                Duration.ZERO), ClientCredentials.DEVELOPMENT_SECRET);

        assertThat(exit).isEqualTo(3);
    }

    @Test
    void answersThreeWhenTheGatewayCannotBeRead() throws Exception {
        try (TokenEndpoint issuer = TokenEndpoint.issuing("a-token", 300)) {
            int exit = AuditCommand.run(new AuditCommand.Options(URI.create("http://localhost:1"), issuer.issuer(),
                    Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ZERO),
                    ClientCredentials.DEVELOPMENT_SECRET);

            assertThat(exit).isEqualTo(3);
        }
    }
}
