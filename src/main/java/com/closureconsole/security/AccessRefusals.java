package com.closureconsole.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Records that a signed-in member of staff was refused a view, as a {@link RouteDenied} event. */
@Service
public class AccessRefusals {

    private final ApplicationEventPublisher events;

    AccessRefusals(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** The view at {@code route} was refused to the signed-in user. */
    public void routeDenied(String route) {
        events.publishEvent(new RouteDenied(route));
    }
}
