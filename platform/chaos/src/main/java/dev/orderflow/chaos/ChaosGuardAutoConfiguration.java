package dev.orderflow.chaos;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * Chaos Monkey runs only with the {@code chaos-monkey} profile, and never together with {@code prod}: a
 * production process that is started with both refuses to start at all.
 */
@AutoConfiguration
public class ChaosGuardAutoConfiguration {

    @Bean
    @Profile("prod & chaos-monkey")
    Object chaosMonkeyInProduction() {
        throw new IllegalStateException(
                "The chaos-monkey profile may not be active together with the prod profile: remove one of them");
    }
}
