package com.closureconsole.perf;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import javax.management.ObjectName;

import com.closureconsole.ui.i18n.Translations;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.ComponentTracker;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.UidlWriter;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Heap per signed-in agent UI: opens N browserless sessions (Karibu-Testing, the same servlet and
 * Vaadin service for all, as one server has), each with an agent signed in and one view open, keeps
 * them all alive, and measures the live objects after full garbage collections (the JVM's class
 * histogram, whose growth per UI by class goes into the report too). The figure covers the Vaadin
 * session, the UI with its component tree and the data the view holds, after the response that
 * showed the view was written, as a server holds it between two requests of the agent.
 */
final class UiMemory {

    /** The histogram's line of all classes together. */
    private static final String TOTAL = "(total)";

    private final MockSpringServlet servlet;
    private final Function0<UI> uiFactory = UI::new;

    UiMemory(ApplicationContext context) {
        Routes routes = new Routes().autoDiscoverViews("com.closureconsole");
        this.servlet = new MockSpringServlet(routes, context, uiFactory);
    }

    /**
     * Opens {@code count} sessions, each set up by {@code openView} (given its number), and measures
     * the heap after full collections when half of them and when all of them are open: the slope
     * between the two is the cost of one more UI, untouched by whatever was allocated or freed
     * before (class loading, caches, an earlier measurement's sessions).
     *
     * @param productionMode whether Vaadin's component tracker is off, as in a production build;
     *                       in development mode it keeps where every component was created, for
     *                       the dev tools, which costs about as much as the components themselves
     */
    Map<String, Object> measure(String id, String label, int count, boolean productionMode, IntConsumer openView)
            throws Exception {
        setComponentTracking(!productionMode);
        List<VaadinSession> keep = new ArrayList<>();
        // Two sessions before the first checkpoint load the classes and fill the shared caches.
        for (int i = 0; i < 2; i++) {
            keep.add(open(-1 - i, openView));
        }
        int half = count / 2;
        for (int i = 0; i < half; i++) {
            keep.add(open(i, openView));
        }
        long atHalf = usedHeapAfterGc();
        // Kept in a file meanwhile: held on the heap, it would be counted by the second histogram.
        Path histogramAtHalfFile = Files.createTempFile("ui-memory", ".histogram");
        Files.writeString(histogramAtHalfFile, classHistogram());
        for (int i = half; i < count; i++) {
            keep.add(open(i, openView));
        }
        long atAll = usedHeapAfterGc();
        Map<String, long[]> histogramAtAll = byClass(classHistogram());
        Map<String, long[]> histogramAtHalf = byClass(Files.readString(histogramAtHalfFile));
        Files.delete(histogramAtHalfFile);
        int uis = keep.stream().mapToInt(s -> s.getUIs().size()).sum();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id);
        result.put("view", label);
        result.put("mode", productionMode ? "production (component tracker off)" : "development (component tracker on)");
        result.put("sessions", count);
        result.put("uisAlive", uis);
        result.put("heapWithHalfBytes", atHalf);
        result.put("heapWithAllBytes", atAll);
        // The live objects' own bytes: the heap's used figure also counts the collector's partly filled regions.
        result.put("bytesPerUi", (histogramAtAll.get(TOTAL)[1] - histogramAtHalf.get(TOTAL)[1]) / (count - half));
        result.put("heapUsedPerUiBytes", (atAll - atHalf) / (count - half));
        result.put("largestPerUi", largestGrowth(histogramAtHalf, histogramAtAll, count - half, 25));
        keep.clear();
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
        setComponentTracking(true);
        return result;
    }

    /** Vaadin caches whether it tracks component creation (it does in development mode only). */
    private static void setComponentTracking(boolean on) throws ReflectiveOperationException {
        Field disabled = ComponentTracker.class.getDeclaredField("disabled");
        disabled.setAccessible(true);
        disabled.set(null, !on);
    }

    private VaadinSession open(int number, IntConsumer openView) {
        MockVaadin.setup(uiFactory, servlet);
        VaadinSession.getCurrent().setLocale(Translations.CHINESE);
        UI.getCurrent().setLocale(Translations.CHINESE);
        signInAgent();
        openView.accept(number);
        MockVaadin.clientRoundtrip();
        // What the server does last in every request: it writes the changes to the browser and forgets
        // them. Karibu stops before that, so without it every node would keep its pending changes.
        new UidlWriter().createUidl(UI.getCurrent(), false);
        return VaadinSession.getCurrent();
    }

    /** Signs agent1 in as both Spring Security and Vaadin's navigation access control see it. */
    private static void signInAgent() {
        Authentication agent = new UsernamePasswordAuthenticationToken("agent1", null,
                List.of(new SimpleGrantedAuthority("ROLE_AGENT")));
        SecurityContextHolder.getContext().setAuthentication(agent);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(agent);
        request.setUserInRole((principal, role) -> "AGENT".equals(role));
    }

    /**
     * The live objects by class, as the JVM's own class histogram lists them (it collects first).
     */
    static String classHistogram() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    /** A class histogram's lines: class name to {instances, bytes}, and the total. */
    static Map<String, long[]> byClass(String histogram) {
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : histogram.split("\n")) {
            // "   1:        123456       7890123  java.lang.String (java.base@17.0.13)"
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 4 && fields[0].endsWith(":")) {
                byClass.put(fields[3], new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
            } else if (fields.length == 3 && fields[0].equals("Total")) {
                byClass.put(TOTAL, new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
            }
        }
        return byClass;
    }

    /**
     * The classes whose live bytes grew most between two histograms, per added UI: where a UI's heap
     * goes ("class: instances, bytes" per UI, largest first).
     */
    static List<String> largestGrowth(Map<String, long[]> before, Map<String, long[]> after, int uis, int top) {
        long[] none = {0, 0};
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] {
                        e.getValue()[0] - before.getOrDefault(e.getKey(), none)[0],
                        e.getValue()[1] - before.getOrDefault(e.getKey(), none)[1]}))
                .filter(e -> !e.getKey().equals(TOTAL))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(top)
                .map(e -> String.format(java.util.Locale.ROOT, "%s: %.1f instances, %,d bytes", e.getKey(),
                        e.getValue()[0] / (double) uis, e.getValue()[1] / uis))
                .toList();
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(150);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
