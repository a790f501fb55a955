package com.closureconsole.ui;

import java.util.concurrent.atomic.AtomicInteger;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The number of Vaadin sessions open on this node, as the gauge {@value #ACTIVE}: one per browser
 * that has the console open, signed in or on the sign-in page. A session ends when it is closed
 * for idleness, reaches its absolute lifetime, or its user signs out.
 */
@Component
class SessionMetrics implements VaadinServiceInitListener {

    static final String ACTIVE = "closure.ui.sessions.active";

    private final AtomicInteger active = new AtomicInteger();

    SessionMetrics(MeterRegistry registry) {
        Gauge.builder(ACTIVE, active, AtomicInteger::get)
                .description("Vaadin sessions open on this node").register(registry);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> active.incrementAndGet());
        event.getSource().addSessionDestroyListener(destroy -> active.decrementAndGet());
    }
}
