package com.closureconsole;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.closureconsole");

    @Test
    void only_ui_and_security_import_vaadin() {
        noClasses().that().resideOutsideOfPackages("com.closureconsole.ui..", "com.closureconsole.security..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void nothing_depends_on_ui() {
        noClasses().that().resideOutsideOfPackage("com.closureconsole.ui..")
                .should().dependOnClassesThat().resideInAPackage("com.closureconsole.ui..")
                .check(CLASSES);
    }

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("com.closureconsole.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void views_do_not_touch_repositories_or_entities() {
        noClasses().that().resideInAPackage("com.closureconsole.ui..")
                .should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
                .orShould().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class)
                .check(CLASSES);
    }

    @Test
    void views_do_not_publish_events() {
        noClasses().that().resideInAPackage("com.closureconsole.ui..")
                .should().dependOnClassesThat().areAssignableTo(org.springframework.context.ApplicationEventPublisher.class)
                .check(CLASSES);
    }

    @Test
    void the_audit_module_knows_none_of_the_modules_whose_facts_it_records() {
        noClasses().that().resideInAPackage("com.closureconsole.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("com.closureconsole.account..",
                        "com.closureconsole.closure..", "com.closureconsole.notification..")
                .check(CLASSES);
    }

    @Test
    void the_shared_kernel_uses_nothing_else_of_the_console() {
        noClasses().that().resideInAPackage("com.closureconsole.shared..")
                .should().dependOnClassesThat(resideInAPackage("com.closureconsole..")
                        .and(DescribedPredicate.not(resideInAPackage("com.closureconsole.shared.."))))
                .check(CLASSES);
    }
}
