package com.closureconsole;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The console's modules as Spring Modulith sees them: each top-level package under
 * {@code com.closureconsole} is a module; another module may use only its API (the public types of
 * its base package and of the sub-packages it names with {@code @NamedInterface}), only the
 * dependencies it allows with {@code @ApplicationModule(allowedDependencies = …)}, and no cycle.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void modules_use_only_each_others_api_and_form_no_cycle() {
        MODULES.verify();
    }

    /**
     * Writes the component diagram of all modules, one diagram per module and each module's canvas
     * (PlantUML and AsciiDoc) to {@code docs/modules}, linked from the README. The output depends only
     * on the code, so a run without changes to the modules leaves the files as they are committed.
     */
    @Test
    void writes_the_module_documentation_to_docs_modules() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
