package dev.orderflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A machine's tokens: asked for with the client's credentials, kept while they last, renewed before they expire. */
class ClientCredentialsTest {

    @Test
    void asksTheIssuersTokenEndpointWithTheClientsCredentials() throws Exception {
        try (TokenEndpoint issuer = TokenEndpoint.issuing("automation-subject", 300)) {
            ClientCredentials.Token token = ClientCredentials.automation(issuer.issuer()).fetch();

            assertThat(issuer.forms()).containsExactly("grant_type=client_credentials&client_id=orderflow-automation"
                    + "&client_secret=automation-dev-only-secret");
            assertThat(token.value()).isEqualTo(TokenEndpoint.jwt("automation-subject", 1));
            assertThat(token.subject()).contains("automation-subject");
            assertThat(token.expires()).isBetween(Instant.now().plusSeconds(290), Instant.now().plusSeconds(301));
        }
    }

    @Test
    void keepsATokenWhileItLastsAndAsksForAnotherShortlyBeforeItExpires() throws Exception {
        try (TokenEndpoint lasting = TokenEndpoint.issuing("s", 300);
             TokenEndpoint expiring = TokenEndpoint.issuing("s", 20)) {
            ClientCredentials kept = ClientCredentials.automation(lasting.issuer());
            ClientCredentials renewed = ClientCredentials.automation(expiring.issuer());

            assertThat(kept.get()).isEqualTo(kept.get());
            assertThat(renewed.get()).isNotEqualTo(renewed.get());
            assertThat(lasting.forms()).hasSize(1);
            assertThat(expiring.forms()).hasSize(2);
        }
    }

    @Test
    void saysWhichIssuerGaveNoToken() {
        ClientCredentials nobody = ClientCredentials.automation(URI.create("http://localhost:1/realms/orderflow/"));

        assertThatIllegalStateException().isThrownBy(nobody::get)
                .withMessageContaining("http://localhost:1/realms/orderflow/protocol/openid-connect/token");
    }

    @Test
    void readsNoSubjectFromWhatIsNoJwt() {
        assertThat(ClientCredentials.Token.subjectOf("opaque")).isEmpty();
        assertThat(ClientCredentials.Token.subjectOf("a.%%%.c")).isEmpty();
        assertThat(new ClientCredentials.Token("t", Instant.now().plusSeconds(10), java.util.Optional.empty())
                .validFor(Duration.ofSeconds(30), Instant.now())).isFalse();
    }
}
