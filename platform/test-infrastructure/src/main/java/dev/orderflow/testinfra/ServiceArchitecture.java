package dev.orderflow.testinfra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service follows, package by role under its base package: adapters ({@code web},
 * {@code persistence}) -> {@code application} -> {@code domain}. Business code never sees Kafka, HTTP or JSON.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    public static ArchRule domainIsFreeOfFrameworksAndAdapters(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "tools.jackson..", "jakarta.servlet..", "dev.orderflow.messaging..",
                        basePackage + ".application..", basePackage + ".web..", basePackage + ".persistence..");
    }

    public static ArchRule applicationDoesNotKnowTheAdapters(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "tools.jackson..",
                        "jakarta.servlet..", basePackage + ".web..", basePackage + ".persistence..");
    }
}
