package dev.orderflow.delivery;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import dev.orderflow.testinfra.ServiceArchitecture;

/** The arrows point inward: adapters (web, persistence) -> application -> domain. */
@AnalyzeClasses(packages = "dev.orderflow.delivery", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworksAndAdapters =
            ServiceArchitecture.domainIsFreeOfFrameworksAndAdapters("dev.orderflow.delivery");

    @ArchTest
    static final ArchRule applicationDoesNotKnowTheAdapters =
            ServiceArchitecture.applicationDoesNotKnowTheAdapters("dev.orderflow.delivery");
}
