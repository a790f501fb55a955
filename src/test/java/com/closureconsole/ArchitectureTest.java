package com.closureconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.PersistenceException;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The rules of the console's structure that a reviewer would otherwise have to remember: which module may
 * use which (as the README's "Where things are" lists them), no cycles, method security on every service
 * door the views open, an access rule on every route, views that neither record audit events nor handle
 * database failures themselves, and null-safety declared on every package.
 */
class ArchitectureTest {

    private static final String BASE = "com.closureconsole";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    /**
     * Which modules each module may use; the README's "Where things are" shows the same table. A new
     * top-level package fails {@link #every_module_is_listed_with_the_modules_it_may_use()} until it is
     * added here (and to the README).
     */
    static final Map<String, Set<String>> ALLOWED_DEPENDENCIES = Map.ofEntries(
            // the shared kernel uses nothing else of the console
            Map.entry("shared", Set.<String>of()),
            Map.entry("database", Set.<String>of()),
            // the dashboard reads its figures from sealed audit blocks in SQL, and uses no other module
            Map.entry("dashboard", Set.<String>of()),
            Map.entry("security", Set.of("database", "shared")),
            // the audit module knows none of the modules whose facts it records
            Map.entry("audit", Set.of("security", "shared")),
            Map.entry("account", Set.of("audit", "shared")),
            Map.entry("closure", Set.of("account", "audit", "security", "shared")),
            Map.entry("notification", Set.of("account", "audit", "closure", "shared")),
            Map.entry("checklist", Set.of("account", "audit", "closure", "notification", "security", "shared")),
            Map.entry("operations", Set.of("account", "audit", "closure", "notification", "shared")),
            Map.entry("ui", Set.of("account", "audit", "checklist", "closure", "dashboard", "database", "notification",
                    "security", "shared")));

    /** The modules that hold or change customer data; their services are the doors the views go through. */
    private static final Set<String> CUSTOMER_DATA_MODULES =
            Set.of("account", "checklist", "closure", "audit", "dashboard", "notification");

    @Test
    void every_module_is_listed_with_the_modules_it_may_use() {
        assertThat(modules()).isEqualTo(new TreeSet<>(ALLOWED_DEPENDENCIES.keySet()));
    }

    @Test
    void modules_use_only_the_modules_the_readme_lists() {
        for (var module : ALLOWED_DEPENDENCIES.entrySet()) {
            String[] forbidden = modules().stream()
                    .filter(other -> !other.equals(module.getKey()) && !module.getValue().contains(other))
                    .map(other -> BASE + "." + other + "..")
                    .toArray(String[]::new);
            if (forbidden.length == 0) {
                continue;
            }
            noClasses().that().resideInAPackage(BASE + "." + module.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .as("module " + module.getKey() + " uses only " + module.getValue())
                    .check(CLASSES);
        }
    }

    @Test
    void only_ui_and_security_import_vaadin() {
        noClasses().that().resideOutsideOfPackages(BASE + ".ui..", BASE + ".security..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void nothing_depends_on_ui() {
        noClasses().that().resideOutsideOfPackage(BASE + ".ui..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".ui..")
                .check(CLASSES);
    }

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** The shell (the {@code ui} package itself) and each feature's views form no cycle either. */
    @Test
    void ui_packages_have_no_cycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (pkg.equals(BASE + ".ui")) {
                    return SliceIdentifier.of("ui (shell)");
                }
                if (pkg.startsWith(BASE + ".ui.")) {
                    return SliceIdentifier.of("ui." + pkg.substring((BASE + ".ui.").length()).split("\\.")[0]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the ui shell and its feature packages";
            }
        }).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void views_do_not_touch_repositories_or_entities() {
        noClasses().that().resideInAPackage(BASE + ".ui..")
                .should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
                .orShould().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class)
                .check(CLASSES);
    }

    /**
     * A service of a module that holds customer data (every {@code @Service} there, and every other bean
     * the views call) checks the caller's role on each public method, so no view can reach customer data
     * around it. Event listeners and scheduled jobs are not doors: they run on the module's own behalf.
     */
    @Test
    void every_public_method_of_a_service_that_reads_or_changes_customer_data_carries_method_security() {
        methods().that().arePublic().and().areDeclaredInClassesThat(serveCustomerData())
                .and().areNotAnnotatedWith(EventListener.class)
                .and().areNotAnnotatedWith(TransactionalEventListener.class)
                .and().areNotAnnotatedWith(Scheduled.class)
                .should(carryMethodSecurity())
                .check(CLASSES);
    }

    @Test
    void every_route_carries_an_access_annotation() {
        classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(AnonymousAllowed.class)
                .orShould().beAnnotatedWith(DenyAll.class)
                .check(CLASSES);
    }

    /** What happened is recorded by the service that did it, in its transaction; a view only shows it. */
    @Test
    void views_do_not_publish_events() {
        noClasses().that().resideInAPackage(BASE + ".ui..")
                .should().dependOnClassesThat().areAssignableTo(ApplicationEventPublisher.class)
                .check(CLASSES);
    }

    /**
     * A database failure reaches the console's error handling ({@code ui.error}), which shows it in words and
     * logs it; a view that caught it would decide on its own what the agent is told, or swallow it.
     */
    @Test
    void views_do_not_catch_persistence_exceptions() {
        classes().that().resideInAPackage(BASE + ".ui..").and().resideOutsideOfPackage(BASE + ".ui.error..")
                .should(notCatch(DataAccessException.class, TransactionException.class, PersistenceException.class,
                        SQLException.class))
                .check(CLASSES);
    }

    @Test
    void every_package_declares_null_safety() {
        classes().should(resideInANullMarkedPackage()).check(CLASSES);
    }

    private static TreeSet<String> modules() {
        return CLASSES.stream()
                .map(JavaClass::getPackageName)
                .filter(pkg -> pkg.startsWith(BASE + "."))
                .map(pkg -> pkg.substring(BASE.length() + 1).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String moduleOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        return pkg.startsWith(BASE + ".") ? pkg.substring(BASE.length() + 1).split("\\.")[0] : "";
    }

    private static DescribedPredicate<JavaClass> serveCustomerData() {
        return DescribedPredicate.describe("services of the modules holding customer data", javaClass ->
                CUSTOMER_DATA_MODULES.contains(moduleOf(javaClass))
                        && (javaClass.isAnnotatedWith(Service.class)
                                || javaClass.isMetaAnnotatedWith(Component.class) && calledByTheViews(javaClass)));
    }

    private static boolean calledByTheViews(JavaClass javaClass) {
        return javaClass.getAccessesToSelf().stream()
                .anyMatch(access -> moduleOf(access.getOriginOwner()).equals("ui"));
    }

    private static final List<Class<? extends java.lang.annotation.Annotation>> SECURITY_ANNOTATIONS = List.of(
            PreAuthorize.class, PostAuthorize.class, Secured.class, RolesAllowed.class);

    private static ArchCondition<JavaMethod> carryMethodSecurity() {
        return new ArchCondition<>("carry method security (@PreAuthorize on the method or its class)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean secured = SECURITY_ANNOTATIONS.stream().anyMatch(annotation ->
                        method.isAnnotatedWith(annotation) || method.getOwner().isAnnotatedWith(annotation));
                if (!secured) {
                    events.add(SimpleConditionEvent.violated(method,
                            method.getFullName() + " is public but checks no role"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> notCatch(Class<?>... throwables) {
        return new ArchCondition<>("not catch " + List.of(throwables).stream().map(Class::getSimpleName)
                .collect(Collectors.joining(", "))) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaCodeUnit codeUnit : javaClass.getCodeUnits()) {
                    for (TryCatchBlock block : codeUnit.getTryCatchBlocks()) {
                        for (JavaClass caught : block.getCaughtThrowables()) {
                            for (Class<?> throwable : throwables) {
                                if (caught.isAssignableTo(throwable)) {
                                    events.add(SimpleConditionEvent.violated(block, codeUnit.getFullName()
                                            + " catches " + caught.getSimpleName() + " in "
                                            + block.getSourceCodeLocation()));
                                }
                            }
                        }
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> resideInANullMarkedPackage() {
        return new ArchCondition<>("reside in a package annotated @NullMarked (package-info.java)") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                if (!javaClass.getPackage().isAnnotatedWith(NullMarked.class)) {
                    events.add(SimpleConditionEvent.violated(javaClass,
                            javaClass.getPackageName() + " has no @NullMarked package-info"));
                }
            }
        };
    }
}
