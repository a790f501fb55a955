package com.closureconsole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The console's modules as Spring Modulith sees them: each top-level package under
 * {@code com.closureconsole} is a module; another module may use only its API (the public types of
 * its base package and of the sub-packages it names with {@code @NamedInterface}), and no two modules
 * depend on each other in a cycle. {@code ArchitectureTest} adds which module may use which.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    /** Where the README links the generated documentation; committed, so changes show in review. */
    static final Path DOCS = Path.of("docs", "modules");

    @Test
    void modules_use_only_each_others_api_and_form_no_cycle() {
        MODULES.verify();
    }

    /**
     * Writes the component diagram of all modules ({@code components.puml}), one diagram per module
     * ({@code module-*.puml}, C4 PlantUML) and each module's canvas ({@code module-*.adoc}) to
     * {@code docs/modules}. Modulith lists relations and members in no fixed order, so each run of such
     * lines is sorted, and a file is rewritten only when its content changed: a run without changes to
     * the modules leaves the committed files as they are.
     */
    @Test
    void writes_the_module_documentation_to_docs_modules() throws IOException {
        Path generated = Files.createTempDirectory("modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        Files.createDirectories(DOCS);
        Set<String> written;
        try (Stream<Path> files = Files.list(generated)) {
            written = files.map(file -> {
                Path target = DOCS.resolve(file.getFileName().toString());
                String content = normalised(read(file));
                if (!Files.exists(target) || !read(target).equals(content)) {
                    write(target, content);
                }
                return target.getFileName().toString();
            }).collect(Collectors.toSet());
        }
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path stale : files.filter(file -> !written.contains(file.getFileName().toString())).toList()) {
                Files.delete(stale);
            }
        }
        try (Stream<Path> files = Files.walk(generated)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Sorts each run of consecutive lines that list relations, components or canvas entries. */
    static String normalised(String content) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : content.split("\n", -1)) {
            String kind = kind(line);
            if (kind == null || !kind.equals(runKind) || line.startsWith("|")) {
                flush(run, out);
            }
            runKind = kind;
            if (kind == null) {
                out.add(line);
            } else {
                run.add(line);
            }
        }
        flush(run, out);
        return String.join("\n", out);
    }

    /** A canvas cell opens with {@code |} before its first entry: that mark stays on the first line. */
    private static void flush(List<String> run, List<String> out) {
        boolean cell = !run.isEmpty() && run.get(0).startsWith("|");
        List<String> sorted = run.stream().map(line -> cell ? line.replaceFirst("^\\|", "") : line).sorted()
                .collect(Collectors.toCollection(ArrayList::new));
        if (cell) {
            sorted.set(0, "|" + sorted.get(0));
        }
        out.addAll(sorted);
        run.clear();
    }

    private static String kind(String line) {
        String trimmed = line.strip();
        for (String prefix : List.of("Rel(", "Component(", "* ")) {
            if (trimmed.startsWith(prefix) || trimmed.startsWith("|" + prefix)) {
                return prefix;
            }
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
