package com.closureconsole.perf;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import com.closureconsole.ui.i18n.Translations;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.ComponentTracker;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Heap per signed-in agent UI: opens N browserless sessions (Karibu-Testing, the same servlet and
 * Vaadin service for all, as one server has), each with an agent signed in and one view open, keeps
 * them all alive, and measures the heap after full garbage collections. The figure covers the
 * Vaadin session, the UI with its component tree and the data the view holds.
 */
final class UiMemory {

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
        for (int i = half; i < count; i++) {
            keep.add(open(i, openView));
        }
        long atAll = usedHeapAfterGc();
        int uis = keep.stream().mapToInt(s -> s.getUIs().size()).sum();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id);
        result.put("view", label);
        result.put("mode", productionMode ? "production (component tracker off)" : "development (component tracker on)");
        result.put("sessions", count);
        result.put("uisAlive", uis);
        result.put("heapWithHalfBytes", atHalf);
        result.put("heapWithAllBytes", atAll);
        result.put("bytesPerUi", (atAll - atHalf) / (count - half));
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

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(150);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
