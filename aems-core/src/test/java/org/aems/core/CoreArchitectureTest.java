package org.aems.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** aems-core is plain Java: no framework, no database, no broker client (STYLE.md §1). */
class CoreArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.aems.core");

    @Test
    void coreDependsOnNeitherSpringNorJdbcNorPaho() {
        noClasses().that().resideInAPackage("org.aems.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "org.eclipse.paho..")
                .check(CORE);
    }
}
