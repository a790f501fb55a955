package com.closureconsole.notification;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;

/** Lets tests outside the notification package run the dispatcher now; it stays package-private. */
@TestConfiguration(proxyBeanMethods = false)
public class NotificationJobs {

    private final NotificationDispatcher dispatcher;

    NotificationJobs(NotificationDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** The same, for a console started by a test on a context of its own. */
    public static NotificationJobs of(ApplicationContext context) {
        return new NotificationJobs(context.getBean(NotificationDispatcher.class));
    }

    /** One pass of the dispatcher; answers how many messages it handled. */
    public int dispatchDue() {
        return dispatcher.dispatchDue();
    }
}
